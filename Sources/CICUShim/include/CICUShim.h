// CICUShim — the part of system ICU (libicu-dev) that pamyat uses, behind plain C types.
//
// Why a shim: Foundation on Linux carries its own copy of ICU, and a Swift module that imports both
// Foundation and the system <unicode/*.h> headers fails to compile (duplicate enum definitions). This
// header therefore exposes only stdint types, UTF-8/UTF-16 buffers and opaque handles; the ICU
// headers are included by the .c files alone. Every function is prefixed `pmy_`.
//
// Error convention: functions take `int32_t *status` (an ICU UErrorCode; 0 is success, negative
// values are warnings, positive values are failures). `pmy_error_name` turns one into text.
#ifndef PAMYAT_CICUSHIM_H
#define PAMYAT_CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Name of an ICU status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *pmy_error_name(int32_t status);

/// Whether a status code is a failure (ICU's U_FAILURE).
int32_t pmy_failed(int32_t status);

// MARK: Break iteration (ubrk over UTF-8 text through UText)

/// The kinds of break iterator pamyat uses.
typedef enum {
    PMY_BREAK_SENTENCE = 0,
    PMY_BREAK_WORD = 1,
} pmy_break_kind;

/// An opaque break iterator. Stateful: one per thread or task, never shared.
typedef struct pmy_break pmy_break;

/// Opens a break iterator of `kind` for `locale` (an ICU locale id such as "ru" or "en@ss=standard").
pmy_break *pmy_break_open(pmy_break_kind kind, const char *locale, int32_t *status);

/// Points the iterator at UTF-8 text. The bytes must stay valid and unchanged until the next
/// `pmy_break_set_utf8` or `pmy_break_close`. Offsets reported afterwards are UTF-8 byte offsets.
void pmy_break_set_utf8(pmy_break *brk, const char *utf8, int64_t length, int32_t *status);

/// The next boundary after the current one (the first call returns the first boundary after 0),
/// or -1 when the text is exhausted.
int64_t pmy_break_next(pmy_break *brk);

/// The rule status of the boundary last returned: for sentences 0..<100 a terminator break
/// (after . ! ?), 100..<200 a separator break (after a line end); for words 0..<100 none
/// (spaces, punctuation), 100..<200 number, 200..<300 letter, 300..<400 kana, 400..<500 ideographic.
int32_t pmy_break_rule_status(const pmy_break *brk);

/// Frees the iterator.
void pmy_break_close(pmy_break *brk);

// MARK: Transliteration (utrans)

/// An opaque transliterator, e.g. for "Russian-Latin/BGN" or "Any-Latin; Latin-ASCII".
/// Stateless once built: ICU documents utrans_transUChars as thread-safe on a const transliterator,
/// but pamyat still keeps one per task.
typedef struct pmy_translit pmy_translit;

/// Opens a transliterator by its ICU id (UTF-16, `id_length` code units).
pmy_translit *pmy_translit_open(const uint16_t *id, int32_t id_length, int32_t *status);

/// Transliterates `text` (UTF-16, `length` code units) into `out` (capacity `out_capacity`).
/// Returns the needed length; when it exceeds `out_capacity` nothing useful is in `out` and the
/// caller retries with a bigger buffer.
int32_t pmy_translit_apply(const pmy_translit *tr, const uint16_t *text, int32_t length,
                           uint16_t *out, int32_t out_capacity, int32_t *status);

/// Frees the transliterator.
void pmy_translit_close(pmy_translit *tr);

// MARK: Normalisation and case folding (unorm2, ustring)

/// NFC of `text` into `out`; returns the needed length (retry with a bigger buffer when larger than
/// `out_capacity`).
int32_t pmy_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t out_capacity,
                int32_t *status);

/// 1 when `text` is already in NFC (quick check says yes), else 0.
int32_t pmy_is_nfc(const uint16_t *text, int32_t length, int32_t *status);

/// 1 when the code point `c` always has an NFC boundary before it (unorm2_hasBoundaryBefore: it
/// never combines with what precedes it) and is in NFC on its own, else 0. A string made only of
/// such code points is in NFC, which lets a caller check text without converting it to UTF-16.
int32_t pmy_nfc_is_self_contained(int32_t c);

/// Full Unicode case folding (u_strFoldCase, default options) into `out`; returns the needed length.
int32_t pmy_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t out_capacity,
                      int32_t *status);

// MARK: Locales and BCP 47 tags (uloc)

/// Canonical BCP 47 form of `tag` ("en-us" → "en-US", "RU" → "ru", "en_GB" → "en-GB") into `out`
/// (NUL-terminated). Returns the length, or -1 with `status` set when the tag is ill-formed.
int32_t pmy_locale_canonical_tag(const char *tag, char *out, int32_t out_capacity, int32_t *status);

/// 1 when `language` (a lowercase 2- or 3-letter subtag) is an ISO 639 language ICU knows, else 0.
int32_t pmy_locale_is_known_language(const char *language);

/// The ICU version string, e.g. "72.1".
void pmy_icu_version(char *out, int32_t out_capacity);

#ifdef __cplusplus
}
#endif

#endif
