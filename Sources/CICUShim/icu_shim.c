#include "CICUShim.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

static const UNormalizer2 *nfc_instance(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    return U_FAILURE(status) ? NULL : nfc;
}

int32_t kn_nfc_utf16(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity) {
    const UNormalizer2 *nfc = nfc_instance();
    if (nfc == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t out = unorm2_normalize(nfc, (const UChar *)src, length, (UChar *)dest, capacity, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    return out;
}

int32_t kn_nfc_utf8(const uint8_t *src, int32_t length, uint8_t *dest, int32_t capacity) {
    const UNormalizer2 *nfc = nfc_instance();
    if (nfc == NULL || length > 256) return -1;
    UChar units[256], composed[512];
    int32_t unitCount = 0, composedCount = 0, written = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(units, 256, &unitCount, (const char *)src, length, &status);
    if (U_FAILURE(status)) return -1;
    composedCount = unorm2_normalize(nfc, units, unitCount, composed, 512, &status);
    if (U_FAILURE(status)) return -1;
    u_strToUTF8((char *)dest, capacity, &written, composed, composedCount, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING && written > capacity) return -1;
    return written;
}

int32_t kn_nfc_unstable(uint32_t scalar) {
    if (u_getCombiningClass((UChar32)scalar) != 0) return 1;
    return u_getIntPropertyValue((UChar32)scalar, UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

int32_t kn_nfc_unstable_ranges(uint32_t *pairs, int32_t capacity) {
    static const char ascii[] = "[[:NFC_QC=N:][:NFC_QC=M:][:^ccc=0:]]";
    UChar pattern[sizeof ascii];
    for (size_t i = 0; i < sizeof ascii; i++) pattern[i] = (UChar)ascii[i];
    UErrorCode status = U_ZERO_ERROR;
    USet *set = uset_openPattern(pattern, -1, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = uset_getItemCount(set);
    int32_t written = 0;
    for (int32_t i = 0; i < count && written + 1 < capacity * 2; i++) {
        UChar32 start, end;
        int32_t length = uset_getItem(set, i, &start, &end, NULL, 0, &status);
        if (U_FAILURE(status)) break;
        if (length != 0) continue; /* a string, not a range */
        pairs[written++] = (uint32_t)start;
        pairs[written++] = (uint32_t)end;
    }
    uset_close(set);
    if (U_FAILURE(status)) return -1;
    return count > written / 2 ? -(count) : written / 2;
}

uint32_t kn_fold_case(uint32_t scalar) {
    return (uint32_t)u_foldCase((UChar32)scalar, U_FOLD_CASE_DEFAULT);
}

int32_t kn_is_alphabetic(uint32_t scalar) {
    return u_hasBinaryProperty((UChar32)scalar, UCHAR_ALPHABETIC) ? 1 : 0;
}

int32_t kn_converter_name(const char *name, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(name, &status);
    if (U_FAILURE(status) || conv == NULL) return -1;
    const char *canonical = ucnv_getName(conv, &status);
    int32_t length = U_FAILURE(status) || canonical == NULL ? -1 : (int32_t)strlen(canonical);
    if (length >= 0 && length < capacity) {
        memcpy(out, canonical, (size_t)length + 1);
    } else {
        length = -1;
    }
    ucnv_close(conv);
    return length;
}

typedef struct {
    int32_t lenient;
    int32_t replaced;
} BadSequenceCounter;

static void count_or_stop(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                          int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    BadSequenceCounter *counter = (BadSequenceCounter *)context;
    if (reason > UCNV_IRREGULAR) return;
    if (!counter->lenient) return; /* leave *err set: conversion stops here */
    counter->replaced += 1;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, err);
}

int32_t kn_convert_to_utf16(const char *name, const uint8_t *src, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t lenient,
                            int32_t *error_offset, int32_t *replaced) {
    *error_offset = -1;
    *replaced = 0;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(name, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    BadSequenceCounter counter = {lenient, 0};
    ucnv_setToUCallBack(conv, count_or_stop, &counter, NULL, NULL, &status);
    UChar *target = (UChar *)dest;
    const char *source = (const char *)src;
    ucnv_toUnicode(conv, &target, (UChar *)dest + capacity, &source, (const char *)src + length,
                   NULL, 1, &status);
    int32_t produced = (int32_t)(target - (UChar *)dest);
    if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND) {
        char bad[32];
        int8_t badLength = sizeof(bad);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv, bad, &badLength, &ignored);
        *error_offset = (int32_t)(source - (const char *)src) - badLength;
    }
    ucnv_close(conv);
    *replaced = counter.replaced;
    if (U_FAILURE(status)) return -(int32_t)status;
    return produced;
}
