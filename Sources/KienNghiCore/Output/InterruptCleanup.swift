import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes unfinished temporary outputs when the process is interrupted.
///
/// No signal handler runs Swift code: ``install()`` blocks SIGINT, SIGTERM and
/// SIGHUP in the calling thread (every thread created afterwards inherits the
/// mask) and starts one ordinary thread that waits for them with `sigwait(2)`.
/// That thread may take the lock, unlink the registered temporary files and
/// `_exit(128 + signal)`: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
/// SIGPIPE is ignored, so a closed pipe becomes an `EPIPE` write error that the
/// caller handles (see ``exitAfterBrokenPipe()``).
///
/// Call ``install()`` early, from the main thread, before worker threads start.
/// A library embedding KienNghiCore need not call it: registration alone
/// changes nothing.
package enum InterruptCleanup {
    /// The signals that end the run after cleaning up.
    package static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Registered temporary files and the folders the run created (in the
    /// order created); `closing` once cleanup has begun (nothing may register after it).
    private struct State {
        var pending: Set<String> = []
        var folders: [String] = []
        var installed = false
        var closing = false
    }

    private static let state = Mutex(State())

    /// Blocks the signals and starts the waiting thread (once per process).
    package static func install() {
        let first = state.withLock { state in
            defer { state.installed = true }
            return !state.installed
        }
        guard first else { return }
        signal(SIGPIPE, SIG_IGN)
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let waiter = Thread { waitAndCleanUp() }
        waiter.name = "kiennghi-signals"
        waiter.start()
    }

    /// A temporary file to remove if the run is interrupted.
    package static func register(_ path: String) {
        state.withLock { state in
            if !state.closing { state.pending.insert(path) }
        }
    }

    /// Creates a file and registers it in one step under the lock, so an
    /// interruption either comes before the file exists or finds it registered.
    /// Once cleanup has begun nothing is created (the process is ending): -1.
    package static func creating(_ path: String, _ create: () -> Int32) -> Int32 {
        state.withLock { state in
            guard !state.closing else { return -1 }
            let descriptor = create()
            if descriptor >= 0 { state.pending.insert(path) }
            return descriptor
        }
    }

    package static func unregister(_ path: String) {
        state.withLock { state in _ = state.pending.remove(path) }
    }

    /// A folder the run created, to remove (`rmdir`: only when empty, so
    /// nothing else is ever removed) if the run is interrupted; registered
    /// parent first, removed deepest first.
    package static func registerFolder(_ path: String) {
        state.withLock { state in
            if !state.closing { state.folders.append(path) }
        }
    }

    package static func unregisterFolder(_ path: String) {
        state.withLock { state in state.folders.removeAll { $0 == path } }
    }

    /// Runs `body` with the cleanup held off: a signal arriving meanwhile is
    /// acted on only after `body` returns, so outputs moved into place together
    /// are either all there or (when cleanup had already begun) not started.
    /// `body` unregisters each temporary file it moved with the closure it gets.
    package static func holdingOff(_ body: (_ unregister: (String) -> Void) throws -> Void) throws {
        try state.withLock { state in
            guard !state.closing else { throw CancellationError() }
            try body { _ = state.pending.remove($0) }
        }
    }

    /// Paths currently registered (for tests).
    package static var registered: Set<String> {
        state.withLock { $0.pending }
    }

    /// Standard output was closed by its reader (`kiennghi stats | head`):
    /// remove unfinished outputs and end as the shell expects (128 + SIGPIPE).
    package static func exitAfterBrokenPipe() -> Never {
        removeAll()
        _exit(128 + SIGPIPE)
    }

    /// Ends the run with `status` after an output could not be written (the caller said why):
    /// unfinished outputs are deleted first.
    package static func exitAfterFailedOutput(_ status: Int32) -> Never {
        removeAll()
        _exit(status)
    }

    private static func removeAll() {
        state.withLock { state in
            for path in state.pending { unlink(path) }
            state.pending.removeAll()
            for folder in state.folders.reversed() { rmdir(folder) }
            state.folders.removeAll()
            state.closing = true
        }
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }

    private static func waitAndCleanUp() {
        var set = signalSet()
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        removeAll()
        _exit(128 + received)
    }
}
