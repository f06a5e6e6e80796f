#include "CZlibShim.h"

#include <stdlib.h>
#include <zlib.h>

struct kn_inflater {
    z_stream stream;
};

kn_inflater *kn_inflater_new(void) {
    kn_inflater *inflater = calloc(1, sizeof(kn_inflater));
    if (inflater == NULL) return NULL;
    if (inflateInit2(&inflater->stream, -MAX_WBITS) != Z_OK) {
        free(inflater);
        return NULL;
    }
    return inflater;
}

void kn_inflater_free(kn_inflater *inflater) {
    if (inflater == NULL) return;
    inflateEnd(&inflater->stream);
    free(inflater);
}

int32_t kn_inflate(kn_inflater *inflater, const uint8_t *input, uint32_t input_length, uint32_t *consumed,
                   uint8_t *output, uint32_t capacity, uint32_t *produced) {
    z_stream *stream = &inflater->stream;
    stream->next_in = (Bytef *)input;
    stream->avail_in = input_length;
    stream->next_out = output;
    stream->avail_out = capacity;
    int result = inflate(stream, Z_NO_FLUSH);
    *consumed = input_length - stream->avail_in;
    *produced = capacity - stream->avail_out;
    stream->next_in = NULL;
    stream->avail_in = 0;
    switch (result) {
    case Z_STREAM_END: return 1;
    case Z_OK:
    case Z_BUF_ERROR: return 0;
    default: return -1;
    }
}

uint32_t kn_crc32(uint32_t crc, const uint8_t *bytes, uint32_t length) {
    return (uint32_t)crc32((uLong)crc, bytes, length);
}
