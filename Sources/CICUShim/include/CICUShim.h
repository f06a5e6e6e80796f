// A narrow C interface over the system's libicu. Only stdint types cross it, so
// Swift never sees ICU's own headers (which clash with Foundation's bundled ICU
// and whose versioned-name macros do not import).
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Composes `src` (UTF-16, `length` units) to NFC into `dest` (capacity units).
/// Returns the composed length, or a negative ICU error code.
int32_t kn_nfc_utf16(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity);

/// Composes a short UTF-8 segment (at most 256 bytes) to NFC into `dest`
/// without allocating. Returns the composed length in bytes, or -1 when the
/// segment is too long, `capacity` too small, or ICU fails (use kn_nfc_utf16).
int32_t kn_nfc_utf8(const uint8_t *src, int32_t length, uint8_t *dest, int32_t capacity);

/// 1 when `scalar` may change or combine under NFC (NFC_Quick_Check is not Yes,
/// or its canonical combining class is not 0); 0 otherwise.
int32_t kn_nfc_unstable(uint32_t scalar);

/// Fills `pairs` with [first, last] scalar pairs of every range whose scalars
/// may change or combine under NFC (the set of kn_nfc_unstable), built from
/// ICU's property data in one pass. Returns the number of ranges, -1 on
/// failure, or minus the number needed when `capacity` (pairs) is too small.
int32_t kn_nfc_unstable_ranges(uint32_t *pairs, int32_t capacity);

/// Simple default case folding of one scalar.
uint32_t kn_fold_case(uint32_t scalar);

/// 1 when ICU calls `scalar` alphabetic (letters and combining marks of letters).
int32_t kn_is_alphabetic(uint32_t scalar);

/// ICU's own name for the converter called `name` (e.g. "UTF-16" for "unicode"),
/// copied NUL-terminated into `out`; returns its length, or -1 when ICU knows no
/// such converter or the name does not fit in `capacity` bytes.
int32_t kn_converter_name(const char *name, char *out, int32_t capacity);

/// Decodes `length` bytes of `src` with ICU's converter `name` into UTF-16.
/// Stops at the first illegal or unmapped sequence unless `lenient` is 1, in
/// which case such sequences become U+FFFD and `*replaced` counts them.
/// `*error_offset` receives the byte offset of the first bad sequence, or -1.
/// Returns the UTF-16 length, or a negative ICU error code.
int32_t kn_convert_to_utf16(const char *name, const uint8_t *src, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t lenient,
                            int32_t *error_offset, int32_t *replaced);

#ifdef __cplusplus
}
#endif

#endif
