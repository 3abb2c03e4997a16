// CHTMLShim — libxml2's HTML parser behind plain C types.
//
// Why a shim: libxml2's headers include ICU's (<unicode/ucnv.h>), and Foundation on Linux carries
// its own ICU; a Swift module that sees both does not compile. This header exposes only stdint
// types, UTF-8 buffers and an opaque handle; libxml2 is included by html_shim.c alone. Every
// function is prefixed `pmy_html_`.
#ifndef PAMYAT_CHTMLSHIM_H
#define PAMYAT_CHTMLSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The paragraphs found in one HTML document (owned; free with `pmy_html_free`).
typedef struct pmy_html_paragraphs pmy_html_paragraphs;

/// Status codes of `pmy_html_extract`.
typedef enum {
    PMY_HTML_OK = 0,
    /// libxml2 could not build a document at all (not even with recovery).
    PMY_HTML_UNPARSABLE = 1,
    /// The input is larger than libxml2 accepts in one buffer (2 GiB).
    PMY_HTML_TOO_LARGE = 2,
    /// Out of memory.
    PMY_HTML_NO_MEMORY = 3,
} pmy_html_status;

/// Parses `length` bytes of UTF-8 HTML (the encoding is forced to UTF-8 whatever the page declares;
/// no network access, no external entities, errors recovered silently) and collects the text of
/// every `p`, `h1`–`h6`, `li`, `blockquote`, `td`, `th`, `dt`, `dd` element, skipping `head`,
/// `script`, `style`, `noscript`, `template`, `nav`, `header`, `footer`, `aside` subtrees. A block nested
/// in another becomes its own paragraph; `<br>` is written as U+001F so the caller can split on
/// doubled line breaks. Texts are raw (white space as in the page). Returns NULL with `*status`
/// set on failure; an empty result (count 0) is a success.
pmy_html_paragraphs *pmy_html_extract(const char *utf8, int64_t length, int32_t *status);

/// How many paragraphs were found.
int64_t pmy_html_count(const pmy_html_paragraphs *paragraphs);

/// The UTF-8 bytes of paragraph `index` (not NUL-terminated); its byte count in `*length`.
/// Valid until `pmy_html_free`.
const char *pmy_html_paragraph(const pmy_html_paragraphs *paragraphs, int64_t index, int64_t *length);

/// Frees the result.
void pmy_html_free(pmy_html_paragraphs *paragraphs);

#ifdef __cplusplus
}
#endif

#endif
