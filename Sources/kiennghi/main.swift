import CMallocShim
import KienNghiCLI

// Blocks of 4 MiB or more (a near-1 MiB petition's tokens, a batch's output) go back to the
// system when freed: glibc would raise this threshold as they are freed and keep them in each
// thread's arena, some 20 MB more at the peak on a file of such petitions (README, Speed).
_ = kn_release_blocks_from(4 << 20)
KienNghiCommand.main()
