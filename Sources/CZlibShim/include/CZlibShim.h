// A narrow C interface over the system's zlib for raw deflate (ZIP method 8).
// The caller hands in exactly the bytes it has; nothing is read past them.
#ifndef CZLIBSHIM_H
#define CZLIBSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An inflate stream in progress; opaque to Swift.
typedef struct kn_inflater kn_inflater;

/// A raw-deflate decoder (no zlib or gzip header), or NULL when out of memory.
kn_inflater *kn_inflater_new(void);

void kn_inflater_free(kn_inflater *inflater);

/// Decodes from `input` (`input_length` bytes) into `output` (`capacity` bytes),
/// setting how many bytes were consumed and produced. Returns 1 at the end of the
/// stream, 0 when more input or room is needed, -1 when the data is not deflate.
int32_t kn_inflate(kn_inflater *inflater, const uint8_t *input, uint32_t input_length, uint32_t *consumed,
                   uint8_t *output, uint32_t capacity, uint32_t *produced);

/// The ZIP (IEEE) CRC-32 of `length` bytes, continuing from `crc` (0 to start).
uint32_t kn_crc32(uint32_t crc, const uint8_t *bytes, uint32_t length);

#ifdef __cplusplus
}
#endif

#endif
