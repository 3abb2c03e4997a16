// CHTMLShim implementation: walks libxml2's HTML tree. See include/CHTMLShim.h for the why.
#include "CHTMLShim.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// A growable byte buffer.
typedef struct {
    char *bytes;
    size_t length;
    size_t capacity;
} pmy_buffer;

struct pmy_html_paragraphs {
    pmy_buffer text;       // all paragraphs, back to back
    size_t *starts;        // start offset of each paragraph in `text`
    size_t *lengths;       // byte count of each paragraph
    int64_t count;
    int64_t capacity;
    int failed;            // set on allocation failure
};

static int buffer_append(pmy_buffer *buffer, const char *bytes, size_t length) {
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < buffer->length + length) capacity *= 2;
        char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL) return 0;
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
    return 1;
}

static int name_is(const xmlNode *node, const char *name) {
    return node->name != NULL && strcmp((const char *)node->name, name) == 0;
}

static int is_paragraph_element(const xmlNode *node) {
    static const char *const names[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
                                        "td", "th", "dt", "dd", NULL};
    for (const char *const *name = names; *name != NULL; name++) {
        if (name_is(node, *name)) return 1;
    }
    return 0;
}

// Inline elements: their text runs on with the surrounding text, without a space.
static int is_inline_element(const xmlNode *node) {
    static const char *const names[] = {"a", "b", "i", "u", "s", "em", "strong", "span", "sup", "sub", "small",
                                        "big", "abbr", "cite", "code", "q", "mark", "time", "font", "strike",
                                        "dfn", "kbd", "samp", "var", "bdi", "bdo", "ins", "del", NULL};
    for (const char *const *name = names; *name != NULL; name++) {
        if (name_is(node, *name)) return 1;
    }
    return 0;
}

static int is_skipped_element(const xmlNode *node) {
    static const char *const names[] = {"head", "script", "style", "noscript", "template", "nav",
                                        "header", "footer", "aside", NULL};
    for (const char *const *name = names; *name != NULL; name++) {
        if (name_is(node, *name)) return 1;
    }
    return 0;
}

// Ends the paragraph that started at `start` in the text buffer: records it when it holds
// anything but white space, else drops its bytes.
static void finish_paragraph(pmy_html_paragraphs *result, size_t start) {
    size_t length = result->text.length - start;
    int blank = 1;
    for (size_t i = start; i < result->text.length; i++) {
        unsigned char c = (unsigned char)result->text.bytes[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0x1F) { blank = 0; break; }
    }
    if (blank) {
        result->text.length = start;
        return;
    }
    if (result->count == result->capacity) {
        int64_t capacity = result->capacity ? result->capacity * 2 : 64;
        size_t *starts = realloc(result->starts, (size_t)capacity * sizeof(size_t));
        if (starts == NULL) { result->failed = 1; return; }
        result->starts = starts;
        size_t *lengths = realloc(result->lengths, (size_t)capacity * sizeof(size_t));
        if (lengths == NULL) { result->failed = 1; return; }
        result->lengths = lengths;
        result->capacity = capacity;
    }
    result->starts[result->count] = start;
    result->lengths[result->count] = length;
    result->count += 1;
}

// Appends the text under `node` to the current paragraph (when `inside`), starting a new paragraph
// at each paragraph element; a paragraph element nested in another closes the outer one's text so
// far and starts afresh after it. Recursion depth is bounded by libxml2's own nesting limit.
static void walk(pmy_html_paragraphs *result, xmlNode *node, int inside, size_t *start) {
    for (xmlNode *child = node; child != NULL && !result->failed; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (inside && child->content != NULL) {
                const char *text = (const char *)child->content;
                if (!buffer_append(&result->text, text, strlen(text))) result->failed = 1;
            }
            continue;
        }
        if (child->type != XML_ELEMENT_NODE) continue;
        if (is_skipped_element(child)) continue;
        if (name_is(child, "br")) {
            if (inside && !buffer_append(&result->text, "\x1F", 1)) result->failed = 1;
            continue;
        }
        if (is_paragraph_element(child)) {
            if (inside) finish_paragraph(result, *start);
            size_t inner = result->text.length;
            walk(result, child->children, 1, &inner);
            finish_paragraph(result, inner);
            *start = result->text.length;
            continue;
        }
        // Inline or other elements: their text belongs to the enclosing paragraph, if any; a space
        // keeps words in neighbouring cells or spans apart where the page relied on layout.
        walk(result, child->children, inside, start);
        if (inside && !is_inline_element(child) && !buffer_append(&result->text, " ", 1)) result->failed = 1;
    }
}

pmy_html_paragraphs *pmy_html_extract(const char *utf8, int64_t length, int32_t *status) {
    *status = PMY_HTML_OK;
    if (length < 0 || length > INT_MAX) {
        *status = PMY_HTML_TOO_LARGE;
        return NULL;
    }
    // NONET: never fetch anything; NOERROR/NOWARNING: recovery is silent (broken pages are the
    // norm on the web); RECOVER: build what can be built.
    int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER;
    htmlDocPtr document = htmlReadMemory(utf8, (int)length, NULL, "UTF-8", options);
    if (document == NULL) {
        *status = PMY_HTML_UNPARSABLE;
        return NULL;
    }
    pmy_html_paragraphs *result = calloc(1, sizeof(pmy_html_paragraphs));
    if (result == NULL) {
        xmlFreeDoc(document);
        *status = PMY_HTML_NO_MEMORY;
        return NULL;
    }
    size_t start = 0;
    walk(result, xmlDocGetRootElement(document), 0, &start);
    xmlFreeDoc(document);
    if (result->failed) {
        pmy_html_free(result);
        *status = PMY_HTML_NO_MEMORY;
        return NULL;
    }
    return result;
}

int64_t pmy_html_count(const pmy_html_paragraphs *paragraphs) { return paragraphs->count; }

const char *pmy_html_paragraph(const pmy_html_paragraphs *paragraphs, int64_t index, int64_t *length) {
    if (index < 0 || index >= paragraphs->count) {
        *length = 0;
        return "";
    }
    *length = (int64_t)paragraphs->lengths[index];
    return paragraphs->text.bytes + paragraphs->starts[index];
}

void pmy_html_free(pmy_html_paragraphs *paragraphs) {
    if (paragraphs == NULL) return;
    free(paragraphs->text.bytes);
    free(paragraphs->starts);
    free(paragraphs->lengths);
    free(paragraphs);
}
