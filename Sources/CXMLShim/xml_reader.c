// CXMLShim: libxml2's SAX2 push parser turned into a pull reader for untrusted TMX. See include/CXMLShim.h.
#include "CXMLShim.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define PMY_CHUNK (64 * 1024)

typedef struct {
    int32_t kind;
    int32_t line;
    int32_t column;
    int32_t attribute_count;
    size_t name;        // offset in the arena
    size_t value;       // offset in the arena (TEXT)
    size_t value_length;
    size_t attributes;  // index of the first attribute in `attributes`
} pmy_event;

typedef struct {
    size_t name;
    size_t value;
} pmy_attribute;

struct pmy_xml_reader {
    xmlParserCtxtPtr context;
    xmlSAXHandler handler;
    // Input: a file descriptor, or memory.
    int fd;
    const char *memory;
    int64_t memory_length;
    int64_t consumed;
    int finished;  // the input has ended and the parser was told so
    char *chunk;
    // Events queued by the callbacks, and the strings they point to.
    pmy_event *events;
    size_t event_count, event_capacity, next_event;
    pmy_attribute *attributes;
    size_t attribute_count, attribute_capacity;
    char *arena;
    size_t arena_length, arena_capacity;
    int out_of_memory;
    // The current event (copied out of the queue).
    pmy_event current;
    int has_current;
    char encoding[64];
    int encoding_known;
    unsigned char first_bytes[2];  // the input's first two bytes (a UTF-16 byte order mark?)
    // The first error.
    int32_t error_kind;
    char message[512];
    int32_t error_line, error_column;
};

// MARK: Queue

static int pmy_reserve(void **buffer, size_t *capacity, size_t needed, size_t element) {
    if (needed <= *capacity) return 1;
    size_t grown = *capacity == 0 ? 64 : *capacity * 2;
    while (grown < needed) grown *= 2;
    void *resized = realloc(*buffer, grown * element);
    if (resized == NULL) return 0;
    *buffer = resized;
    *capacity = grown;
    return 1;
}

/// Appends `length` bytes and a NUL to the arena; returns the offset.
static size_t pmy_arena_add(struct pmy_xml_reader *self, const char *bytes, size_t length) {
    if (!pmy_reserve((void **)&self->arena, &self->arena_capacity, self->arena_length + length + 1, 1)) {
        self->out_of_memory = 1;
        return 0;
    }
    size_t offset = self->arena_length;
    if (length > 0) memcpy(self->arena + offset, bytes, length);
    self->arena[offset + length] = 0;
    self->arena_length += length + 1;
    return offset;
}

static pmy_event *pmy_push_event(struct pmy_xml_reader *self, int32_t kind) {
    if (!pmy_reserve((void **)&self->events, &self->event_capacity, self->event_count + 1, sizeof(pmy_event))) {
        self->out_of_memory = 1;
        return NULL;
    }
    pmy_event *event = &self->events[self->event_count++];
    memset(event, 0, sizeof(*event));
    event->kind = kind;
    event->line = xmlSAX2GetLineNumber(self->context);
    event->column = xmlSAX2GetColumnNumber(self->context);
    return event;
}

static void pmy_fail(struct pmy_xml_reader *self, int32_t kind, const char *message, int line, int column) {
    if (self->error_kind != PMY_XML_ERROR_NONE) return;
    self->error_kind = kind;
    strncpy(self->message, message, sizeof(self->message) - 1);
    self->message[sizeof(self->message) - 1] = 0;
    size_t length = strlen(self->message);
    while (length > 0 && (self->message[length - 1] == '\n' || self->message[length - 1] == ' ')) {
        self->message[--length] = 0;
    }
    self->error_line = line;
    self->error_column = column;
}

/// Copies the qualified name `prefix:local` into the arena.
static size_t pmy_add_qname(struct pmy_xml_reader *self, const xmlChar *prefix, const xmlChar *local) {
    if (prefix == NULL) return pmy_arena_add(self, (const char *)local, strlen((const char *)local));
    size_t prefix_length = strlen((const char *)prefix), local_length = strlen((const char *)local);
    char small[256];
    char *joined = prefix_length + local_length + 2 <= sizeof(small) ? small : malloc(prefix_length + local_length + 2);
    if (joined == NULL) {
        self->out_of_memory = 1;
        return 0;
    }
    memcpy(joined, prefix, prefix_length);
    joined[prefix_length] = ':';
    memcpy(joined + prefix_length + 1, local, local_length);
    size_t offset = pmy_arena_add(self, joined, prefix_length + local_length + 1);
    if (joined != small) free(joined);
    return offset;
}

// MARK: SAX callbacks

static void pmy_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                              int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                              const xmlChar **attributes) {
    (void)URI, (void)nb_namespaces, (void)namespaces;
    struct pmy_xml_reader *self = ((xmlParserCtxtPtr)ctx)->_private;
    // Attributes the file's own DOCTYPE defaults (`<!ATTLIST tuv xml:lang CDATA "en">`) come last;
    // they are dropped: untrusted input must not add attributes to elements that do not carry them.
    if (nb_defaulted > 0 && nb_defaulted <= nb_attributes) nb_attributes -= nb_defaulted;
    if (!self->encoding_known) {
        self->encoding_known = 1;
        const xmlChar *declared = self->context->encoding;
        if (declared == NULL && self->context->input != NULL) declared = self->context->input->encoding;
        if (declared != NULL) {
            strncpy(self->encoding, (const char *)declared, sizeof(self->encoding) - 1);
        }
    }
    pmy_event *event = pmy_push_event(self, PMY_XML_ELEMENT);
    if (event == NULL) return;
    event->name = pmy_add_qname(self, prefix, localname);
    event->attributes = self->attribute_count;
    event->attribute_count = nb_attributes;
    if (!pmy_reserve((void **)&self->attributes, &self->attribute_capacity, self->attribute_count + (size_t)nb_attributes,
                     sizeof(pmy_attribute))) {
        self->out_of_memory = 1;
        return;
    }
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **attribute = attributes + 5 * i;  // localname, prefix, URI, value, end
        pmy_attribute *slot = &self->attributes[self->attribute_count++];
        slot->name = pmy_add_qname(self, attribute[1], attribute[0]);
        // Without entity substitution libxml2 hands `&` in attribute values over as "&#38;" (for
        // its tree builder to re-parse); decode it back. No other reference can remain in a value.
        const char *value = (const char *)attribute[3];
        size_t length = (size_t)(attribute[4] - attribute[3]);
        slot->value = pmy_arena_add(self, value, length);
        char *text = self->arena + slot->value;
        char *found = strstr(text, "&#38;");
        if (found != NULL) {
            char *write = found;
            for (char *read = found; *read;) {
                if (strncmp(read, "&#38;", 5) == 0) {
                    *write++ = '&';
                    read += 5;
                } else {
                    *write++ = *read++;
                }
            }
            *write = 0;
        }
    }
}

static void pmy_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    (void)URI;
    struct pmy_xml_reader *self = ((xmlParserCtxtPtr)ctx)->_private;
    pmy_event *event = pmy_push_event(self, PMY_XML_END_ELEMENT);
    if (event != NULL) event->name = pmy_add_qname(self, prefix, localname);
}

static void pmy_characters(void *ctx, const xmlChar *text, int length) {
    struct pmy_xml_reader *self = ((xmlParserCtxtPtr)ctx)->_private;
    // Runs of text arrive in pieces: extend the last TEXT event when it is the arena's last string.
    if (self->event_count > self->next_event) {
        pmy_event *last = &self->events[self->event_count - 1];
        if (last->kind == PMY_XML_TEXT && last->value + last->value_length + 1 == self->arena_length) {
            if (!pmy_reserve((void **)&self->arena, &self->arena_capacity, self->arena_length + (size_t)length, 1)) {
                self->out_of_memory = 1;
                return;
            }
            memcpy(self->arena + last->value + last->value_length, text, (size_t)length);
            last->value_length += (size_t)length;
            self->arena[last->value + last->value_length] = 0;
            self->arena_length += (size_t)length;
            last->line = xmlSAX2GetLineNumber(self->context);
            last->column = xmlSAX2GetColumnNumber(self->context);
            return;
        }
    }
    pmy_event *event = pmy_push_event(self, PMY_XML_TEXT);
    if (event == NULL) return;
    event->value = pmy_arena_add(self, (const char *)text, (size_t)length);
    event->value_length = (size_t)length;
}

static void pmy_stop_for_entity(struct pmy_xml_reader *self, const char *what, const xmlChar *name) {
    char message[300];
    snprintf(message, sizeof(message), what, name != NULL ? (const char *)name : "");
    pmy_fail(self, PMY_XML_ERROR_ENTITY, message, xmlSAX2GetLineNumber(self->context), xmlSAX2GetColumnNumber(self->context));
    xmlStopParser(self->context);
}

static void pmy_entity_declaration(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
                                   const xmlChar *systemId, xmlChar *content) {
    (void)type, (void)publicId, (void)systemId, (void)content;
    pmy_stop_for_entity(((xmlParserCtxtPtr)ctx)->_private, "declares the entity %s", name);
}

static void pmy_unparsed_entity_declaration(void *ctx, const xmlChar *name, const xmlChar *publicId,
                                            const xmlChar *systemId, const xmlChar *notationName) {
    (void)publicId, (void)systemId, (void)notationName;
    pmy_stop_for_entity(((xmlParserCtxtPtr)ctx)->_private, "declares the entity %s", name);
}

static void pmy_reference(void *ctx, const xmlChar *name) {
    pmy_stop_for_entity(((xmlParserCtxtPtr)ctx)->_private, "refers to the entity &%s;", name);
}

/// Only the five predefined entities exist; libxml2 looks every reference up here.
static xmlEntityPtr pmy_get_entity(void *ctx, const xmlChar *name) {
    (void)ctx;
    return xmlGetPredefinedEntity(name);
}

/// The kind of a libxml2 error, decided by its domain and code (never by its message).
static int32_t pmy_error_kind(struct pmy_xml_reader *self, xmlErrorPtr error) {
    if (error->domain == XML_FROM_I18N) return PMY_XML_ERROR_ENCODING;
    switch (error->code) {
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_ENCODING_NAME:
        return PMY_XML_ERROR_ENCODING;
    case XML_ERR_INTERNAL_ERROR:  // "Huge input lookup": over XML_MAX_LOOKUP_LIMIT without XML_PARSE_HUGE
    case XML_ERR_NAME_TOO_LONG:
        return PMY_XML_ERROR_LIMIT;
    default:
        return self->finished ? PMY_XML_ERROR_TRUNCATED : PMY_XML_ERROR_SYNTAX;
    }
}

/// Where an error is: libxml2's own place, or, for errors raised without one (the encoding
/// converters'), where the parser is; at least 1:1, so that every message names a line and column.
static int pmy_error_line(struct pmy_xml_reader *self, xmlErrorPtr error) {
    if (error->line > 0) return error->line;
    int line = self->context->input != NULL ? xmlSAX2GetLineNumber(self->context) : 0;
    return line > 0 ? line : 1;
}

static int pmy_error_column(struct pmy_xml_reader *self, xmlErrorPtr error) {
    if (error->line > 0 && error->int2 > 0) return error->int2;
    int column = self->context->input != NULL ? xmlSAX2GetColumnNumber(self->context) : 0;
    return column > 0 ? column : 1;
}

/// Errors libxml2 raises without a parser context (the encoding converters' "input conversion
/// failed", …) go to the thread's global handlers, which print to stderr by default; while this
/// reader parses they come here instead, so that the only message is pamyat's own.
static void pmy_global_structured_error(void *data, xmlErrorPtr error) {
    struct pmy_xml_reader *self = data;
    if (self == NULL || error == NULL || error->level < XML_ERR_ERROR) return;
    pmy_fail(self, pmy_error_kind(self, error), error->message != NULL ? error->message : "malformed XML",
             pmy_error_line(self, error), pmy_error_column(self, error));
}

/// Unstructured messages (printf-style fragments) are dropped; the structured ones carry the error.
static void pmy_silent_generic_error(void *data, const char *format, ...) { (void)data, (void)format; }

/// Runs xmlParseChunk with this reader's global error handlers (they are per thread in libxml2, and
/// the thread that feeds the parser may change between calls), restoring the previous ones after.
static void pmy_parse_chunk(struct pmy_xml_reader *self, const char *bytes, int count, int terminate) {
    xmlStructuredErrorFunc saved_structured = xmlStructuredError;
    void *saved_structured_context = xmlStructuredErrorContext;
    xmlGenericErrorFunc saved_generic = xmlGenericError;
    void *saved_generic_context = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(self, pmy_global_structured_error);
    xmlSetGenericErrorFunc(self, pmy_silent_generic_error);
    xmlParseChunk(self->context, bytes, count, terminate);
    xmlSetStructuredErrorFunc(saved_structured_context, saved_structured);
    xmlSetGenericErrorFunc(saved_generic_context, saved_generic);
}

static void pmy_structured_error(void *ctx, xmlErrorPtr error) {
    struct pmy_xml_reader *self = ((xmlParserCtxtPtr)ctx)->_private;
    if (error == NULL || error->level < XML_ERR_ERROR) return;
    if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY) {
        char message[300];
        snprintf(message, sizeof(message), "refers to the entity &%s;", error->str1 != NULL ? error->str1 : "");
        pmy_fail(self, PMY_XML_ERROR_ENTITY, message, error->line, error->int2);
        return;
    }
    pmy_fail(self, pmy_error_kind(self, error), error->message != NULL ? error->message : "malformed XML",
             pmy_error_line(self, error), pmy_error_column(self, error));
}

// MARK: Reader

static pmy_xml_reader *pmy_open(int fd, const char *memory, int64_t length) {
    pmy_xml_reader *self = calloc(1, sizeof(pmy_xml_reader));
    if (self == NULL) return NULL;
    self->fd = fd;
    self->memory = memory;
    self->memory_length = length;
    self->chunk = malloc(PMY_CHUNK);
    if (self->chunk == NULL) {
        free(self);
        return NULL;
    }
    xmlSAXHandler *handler = &self->handler;
    memset(handler, 0, sizeof(*handler));
    handler->initialized = XML_SAX2_MAGIC;
    handler->startElementNs = pmy_start_element;
    handler->endElementNs = pmy_end_element;
    handler->characters = pmy_characters;
    handler->ignorableWhitespace = pmy_characters;
    handler->cdataBlock = pmy_characters;
    handler->entityDecl = pmy_entity_declaration;
    handler->unparsedEntityDecl = pmy_unparsed_entity_declaration;
    handler->reference = pmy_reference;
    handler->getEntity = pmy_get_entity;
    handler->getParameterEntity = pmy_get_entity;
    handler->serror = pmy_structured_error;
    // Deliberately unset: externalSubset and resolveEntity (nothing is ever loaded), internalSubset
    // (nothing to record), comment and processingInstruction (TMX content has none that matters).
    self->context = xmlCreatePushParserCtxt(handler, NULL, NULL, 0, NULL);
    if (self->context == NULL) {
        free(self->chunk);
        free(self);
        return NULL;
    }
    self->context->_private = self;
    // Callbacks (serror too) receive ctxt->userData, which is the context itself; `_private` leads back here.
    self->context->userData = self->context;
    xmlCtxtUseOptions(self->context, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING);
    // Belt and braces: these are off by default; make sure no option turned them on.
    self->context->replaceEntities = 0;
    self->context->loadsubset = 0;
    self->context->validate = 0;
    self->context->recovery = 0;
    return self;
}

pmy_xml_reader *pmy_xml_open_fd(int32_t fd) { return pmy_open(fd, NULL, 0); }

pmy_xml_reader *pmy_xml_open_memory(const char *bytes, int64_t length) { return pmy_open(-1, bytes, length); }

void pmy_xml_close(pmy_xml_reader *self) {
    if (self == NULL) return;
    if (self->context != NULL) {
        if (self->context->myDoc != NULL) xmlFreeDoc(self->context->myDoc);
        xmlFreeParserCtxt(self->context);
    }
    free(self->chunk);
    free(self->events);
    free(self->attributes);
    free(self->arena);
    free(self);
}

/// Whether the input is UTF-16: it starts with a UTF-16 byte order mark, or libxml2 reads it with a
/// UTF-16 decoder (detected from `<?` or declared).
static int pmy_input_is_utf16(struct pmy_xml_reader *self) {
    if ((self->first_bytes[0] == 0xFF && self->first_bytes[1] == 0xFE) ||
        (self->first_bytes[0] == 0xFE && self->first_bytes[1] == 0xFF)) {
        return 1;
    }
    xmlParserInputPtr input = self->context->input;
    if (input == NULL || input->buf == NULL || input->buf->encoder == NULL || input->buf->encoder->name == NULL) return 0;
    const char *name = input->buf->encoder->name;
    return strncasecmp(name, "UTF-16", 6) == 0 || strncasecmp(name, "UTF16", 5) == 0;
}

/// Pushes the next chunk of input (or the end of it) to the parser.
static void pmy_feed(struct pmy_xml_reader *self) {
    self->event_count = self->next_event = 0;
    self->attribute_count = 0;
    self->arena_length = 0;
    const char *bytes;
    int64_t count;
    if (self->memory != NULL || self->fd < 0) {
        count = self->memory_length - self->consumed;
        if (count > PMY_CHUNK) count = PMY_CHUNK;
        bytes = self->memory + self->consumed;
    } else {
        ssize_t got;
        do {
            got = read(self->fd, self->chunk, PMY_CHUNK);
        } while (got < 0 && errno == EINTR);
        if (got < 0) {
            char message[200];
            snprintf(message, sizeof(message), "cannot read the file: %s", strerror(errno));
            pmy_fail(self, PMY_XML_ERROR_IO, message, 0, 0);
            return;
        }
        count = got;
        bytes = self->chunk;
    }
    if (count == 0) {
        if (self->consumed == 0) {
            pmy_fail(self, PMY_XML_ERROR_EMPTY, "the file is empty", 1, 1);
            self->finished = 1;
            return;
        }
        self->finished = 1;
        if (self->consumed % 2 == 1 && pmy_input_is_utf16(self)) {
            char message[120];
            snprintf(message, sizeof(message), "%lld bytes", (long long)self->consumed);
            int line = self->context->input != NULL ? xmlSAX2GetLineNumber(self->context) : 0;
            int column = self->context->input != NULL ? xmlSAX2GetColumnNumber(self->context) : 0;
            pmy_fail(self, PMY_XML_ERROR_ODD_UTF16, message, line > 0 ? line : 1, column > 0 ? column : 1);
            return;
        }
        pmy_parse_chunk(self, NULL, 0, 1);
    } else {
        for (int64_t index = 0; self->consumed + index < 2 && index < count; index++) {
            self->first_bytes[self->consumed + index] = (unsigned char)bytes[index];
        }
        self->consumed += count;
        pmy_parse_chunk(self, bytes, (int)count, 0);
    }
    if (self->out_of_memory) pmy_fail(self, PMY_XML_ERROR_IO, "out of memory", 0, 0);
}

int32_t pmy_xml_read(pmy_xml_reader *self) {
    self->has_current = 0;
    while (self->next_event >= self->event_count) {
        if (self->error_kind != PMY_XML_ERROR_NONE) return -1;
        if (self->finished) return 0;
        pmy_feed(self);
    }
    self->current = self->events[self->next_event++];
    self->has_current = 1;
    return 1;
}

int32_t pmy_xml_kind(pmy_xml_reader *self) { return self->has_current ? self->current.kind : 0; }

const char *pmy_xml_name(pmy_xml_reader *self) {
    return self->has_current && self->current.kind != PMY_XML_TEXT ? self->arena + self->current.name : "";
}

const char *pmy_xml_value(pmy_xml_reader *self) {
    return self->has_current && self->current.kind == PMY_XML_TEXT ? self->arena + self->current.value : "";
}

int64_t pmy_xml_value_length(pmy_xml_reader *self) {
    return self->has_current && self->current.kind == PMY_XML_TEXT ? (int64_t)self->current.value_length : 0;
}

int32_t pmy_xml_attribute_count(pmy_xml_reader *self) {
    return self->has_current && self->current.kind == PMY_XML_ELEMENT ? self->current.attribute_count : 0;
}

const char *pmy_xml_attribute_name(pmy_xml_reader *self, int32_t index) {
    if (index < 0 || index >= pmy_xml_attribute_count(self)) return "";
    return self->arena + self->attributes[self->current.attributes + (size_t)index].name;
}

const char *pmy_xml_attribute_value(pmy_xml_reader *self, int32_t index) {
    if (index < 0 || index >= pmy_xml_attribute_count(self)) return "";
    return self->arena + self->attributes[self->current.attributes + (size_t)index].value;
}

int32_t pmy_xml_line(pmy_xml_reader *self) { return self->has_current ? self->current.line : 0; }

int32_t pmy_xml_column(pmy_xml_reader *self) { return self->has_current ? self->current.column : 0; }

int64_t pmy_xml_bytes_consumed(pmy_xml_reader *self) { return self->consumed; }

const char *pmy_xml_declared_encoding(pmy_xml_reader *self) { return self->encoding; }

int32_t pmy_xml_error_kind(pmy_xml_reader *self) { return self->error_kind; }

const char *pmy_xml_error_message(pmy_xml_reader *self) { return self->message; }

int32_t pmy_xml_error_line(pmy_xml_reader *self) { return self->error_line; }

int32_t pmy_xml_error_column(pmy_xml_reader *self) { return self->error_column; }
