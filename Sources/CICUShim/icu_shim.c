// CICUShim implementation: thin C over system ICU. See include/CICUShim.h for the why.
#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

const char *pmy_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t pmy_failed(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

// MARK: Break iteration

struct pmy_break {
    UBreakIterator *iterator;
    UText *text;  // owned; re-opened in place by each pmy_break_set_utf8
};

pmy_break *pmy_break_open(pmy_break_kind kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIteratorType type = kind == PMY_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &err);
    *status = err;
    if (U_FAILURE(err)) return NULL;
    pmy_break *brk = calloc(1, sizeof(pmy_break));
    if (brk == NULL) {
        ubrk_close(it);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    brk->iterator = it;
    return brk;
}

void pmy_break_set_utf8(pmy_break *brk, const char *utf8, int64_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    // utext_openUTF8 with an existing UText re-uses it (no allocation per document).
    brk->text = utext_openUTF8(brk->text, utf8, length, &err);
    if (U_SUCCESS(err)) ubrk_setUText(brk->iterator, brk->text, &err);
    *status = err;
}

int64_t pmy_break_next(pmy_break *brk) {
    int32_t next = ubrk_next(brk->iterator);
    return next == UBRK_DONE ? -1 : (int64_t)next;
}

int32_t pmy_break_rule_status(const pmy_break *brk) { return ubrk_getRuleStatus(brk->iterator); }

void pmy_break_close(pmy_break *brk) {
    if (brk == NULL) return;
    ubrk_close(brk->iterator);
    if (brk->text != NULL) utext_close(brk->text);
    free(brk);
}

// MARK: Transliteration

pmy_translit *pmy_translit_open(const uint16_t *id, int32_t id_length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *tr = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = err;
    return U_FAILURE(err) ? NULL : (pmy_translit *)tr;
}

int32_t pmy_translit_apply(const pmy_translit *tr, const uint16_t *text, int32_t length,
                           uint16_t *out, int32_t out_capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    if (length > out_capacity) {
        *status = U_ZERO_ERROR;
        return length * 4 + 16;  // ask for room: transliteration may grow the text
    }
    memcpy(out, text, (size_t)length * sizeof(uint16_t));
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)tr, (UChar *)out, &textLength, out_capacity, 0, &limit, &err);
    *status = err;
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        *status = U_ZERO_ERROR;
        return textLength > out_capacity ? textLength : out_capacity * 2;
    }
    return textLength;
}

void pmy_translit_close(pmy_translit *tr) {
    if (tr != NULL) utrans_close((UTransliterator *)tr);
}

// MARK: Normalisation and case folding

int32_t pmy_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t out_capacity,
                int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) {
        *status = err;
        return 0;
    }
    int32_t needed = unorm2_normalize(nfc, (const UChar *)text, length, (UChar *)out, out_capacity, &err);
    *status = err == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : err;
    return needed;
}

int32_t pmy_is_nfc(const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) {
        *status = err;
        return 0;
    }
    UBool yes = unorm2_isNormalized(nfc, (const UChar *)text, length, &err);
    *status = err;
    return yes ? 1 : 0;
}

int32_t pmy_nfc_is_self_contained(int32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err) || c < 0 || c > 0x10FFFF || !unorm2_hasBoundaryBefore(nfc, c)) return 0;
    UChar units[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(units, length, c);
    UBool yes = unorm2_isNormalized(nfc, units, length, &err);
    return U_SUCCESS(err) && yes ? 1 : 0;
}

int32_t pmy_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t out_capacity,
                      int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t needed = u_strFoldCase((UChar *)out, out_capacity, (const UChar *)text, length,
                                   U_FOLD_CASE_DEFAULT, &err);
    *status = (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) ? U_ZERO_ERROR : err;
    return needed;
}

// MARK: Locales

int32_t pmy_locale_canonical_tag(const char *tag, char *out, int32_t out_capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    int32_t tagLength = (int32_t)strlen(tag);
    uloc_forLanguageTag(tag, localeID, sizeof localeID, &parsed, &err);
    if (U_FAILURE(err) || parsed != tagLength || localeID[0] == '\0') {
        *status = U_FAILURE(err) ? err : U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
    int32_t length = uloc_toLanguageTag(localeID, out, out_capacity, 1 /* strict */, &err);
    *status = err;
    if (U_FAILURE(err)) return -1;
    return length;
}

int32_t pmy_locale_is_known_language(const char *language) {
    const char *const *languages = uloc_getISOLanguages();
    for (; *languages != NULL; languages++) {
        if (strcmp(*languages, language) == 0) return 1;
    }
    return 0;
}

void pmy_icu_version(char *out, int32_t out_capacity) {
    UVersionInfo version;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, text);
    strncpy(out, text, (size_t)out_capacity);
    if (out_capacity > 0) out[out_capacity - 1] = '\0';
}
