/* Stand-in peer for scripts/bench.sh when PyICU does not build: ICU's
 * Normalizer2 NFC called per line, UTF-8 in and out through UTF-16, as an
 * in-process ICU user would. Build: cc -O2 bench-icu-nfc.c -licuuc -o bench-icu-nfc
 * Usage: bench-icu-nfc INPUT > OUTPUT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s INPUT\n", argv[0]); return 64; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 66; }
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return 70;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int32_t ucap = 0, ncap = 0, ocap = 0;
    UChar *u = NULL, *n = NULL;
    char *o = NULL;
    while ((len = getline(&line, &cap, in)) >= 0) {
        if (ucap < len * 2 + 2) { ucap = (int32_t)len * 2 + 2; u = realloc(u, ucap * sizeof(UChar)); }
        if (ncap < ucap * 2) { ncap = ucap * 2; n = realloc(n, ncap * sizeof(UChar)); }
        if (ocap < ncap * 3) { ocap = ncap * 3; o = realloc(o, ocap); }
        int32_t ulen = 0, nlen, olen = 0;
        status = U_ZERO_ERROR;
        u_strFromUTF8(u, ucap, &ulen, line, (int32_t)len, &status);
        nlen = unorm2_normalize(nfc, u, ulen, n, ncap, &status);
        u_strToUTF8(o, ocap, &olen, n, nlen, &status);
        if (U_FAILURE(status)) { fprintf(stderr, "ICU error %d\n", status); return 65; }
        fwrite(o, 1, olen, stdout);
    }
    return 0;
}
