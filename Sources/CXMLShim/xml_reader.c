// CXMLShim: libxml2's xmlTextReader for untrusted TMX files. See include/CXMLShim.h.
#include "CXMLShim.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

struct pmy_xml_reader {
    xmlTextReaderPtr reader;
    char message[512];
    int32_t error_line;
    int32_t error_column;
    int32_t has_error;
};

// Options for untrusted input. Deliberately absent: XML_PARSE_NOENT (substitute entities),
// XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (load the external DTD), XML_PARSE_HUGE (lift the size
// limits: a text node stays under 10,000,000 bytes), XML_PARSE_RECOVER (accept malformed XML),
// XML_PARSE_XINCLUDE. NONET: never touch the network even if something asks. NOCDATA: CDATA
// sections arrive as text nodes.
static const int kOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;

// Keeps the first error only (later ones are consequences), with its position.
static void pmy_on_error(void *context, xmlErrorPtr error) {
    struct pmy_xml_reader *self = context;
    if (error == NULL || self->has_error || error->level < XML_ERR_ERROR) return;
    self->has_error = 1;
    const char *text = error->message != NULL ? error->message : "malformed XML";
    strncpy(self->message, text, sizeof(self->message) - 1);
    self->message[sizeof(self->message) - 1] = 0;
    // libxml2's messages end with a newline.
    size_t length = strlen(self->message);
    while (length > 0 && (self->message[length - 1] == '\n' || self->message[length - 1] == ' ')) {
        self->message[--length] = 0;
    }
    self->error_line = error->line;
    self->error_column = error->int2;
}

static pmy_xml_reader *pmy_wrap(xmlTextReaderPtr reader) {
    if (reader == NULL) return NULL;
    pmy_xml_reader *self = calloc(1, sizeof(pmy_xml_reader));
    if (self == NULL) {
        xmlFreeTextReader(reader);
        return NULL;
    }
    self->reader = reader;
    xmlTextReaderSetStructuredErrorHandler(reader, pmy_on_error, self);
    return self;
}

pmy_xml_reader *pmy_xml_open_file(const char *path) {
    return pmy_wrap(xmlReaderForFile(path, NULL, kOptions));
}

pmy_xml_reader *pmy_xml_open_fd(int32_t fd) {
    return pmy_wrap(xmlReaderForFd(fd, NULL, NULL, kOptions));
}

pmy_xml_reader *pmy_xml_open_memory(const char *bytes, int32_t length) {
    return pmy_wrap(xmlReaderForMemory(bytes, length, NULL, NULL, kOptions));
}

void pmy_xml_close(pmy_xml_reader *self) {
    if (self == NULL) return;
    xmlFreeTextReader(self->reader);
    free(self);
}

int32_t pmy_xml_read(pmy_xml_reader *self) {
    int result = xmlTextReaderRead(self->reader);
    if (result < 0 || self->has_error) {
        if (!self->has_error) {
            self->has_error = 1;
            strcpy(self->message, "malformed XML");
            self->error_line = xmlTextReaderGetParserLineNumber(self->reader);
            self->error_column = xmlTextReaderGetParserColumnNumber(self->reader);
        }
        return -1;
    }
    return result;
}

int32_t pmy_xml_node_type(pmy_xml_reader *self) { return xmlTextReaderNodeType(self->reader); }

const char *pmy_xml_name(pmy_xml_reader *self) {
    const xmlChar *name = xmlTextReaderConstName(self->reader);
    return name != NULL ? (const char *)name : "";
}

const char *pmy_xml_value(pmy_xml_reader *self) {
    const xmlChar *value = xmlTextReaderConstValue(self->reader);
    return value != NULL ? (const char *)value : "";
}

int32_t pmy_xml_value_length(pmy_xml_reader *self) {
    const xmlChar *value = xmlTextReaderConstValue(self->reader);
    return value != NULL ? (int32_t)strlen((const char *)value) : 0;
}

int32_t pmy_xml_is_empty_element(pmy_xml_reader *self) { return xmlTextReaderIsEmptyElement(self->reader) == 1; }

int32_t pmy_xml_next_attribute(pmy_xml_reader *self) { return xmlTextReaderMoveToNextAttribute(self->reader) == 1; }

void pmy_xml_move_to_element(pmy_xml_reader *self) { xmlTextReaderMoveToElement(self->reader); }

int32_t pmy_xml_node_line(pmy_xml_reader *self) {
    xmlNodePtr node = xmlTextReaderCurrentNode(self->reader);
    return node != NULL ? (int32_t)xmlGetLineNo(node) : 0;
}

int32_t pmy_xml_line(pmy_xml_reader *self) { return xmlTextReaderGetParserLineNumber(self->reader); }

int32_t pmy_xml_column(pmy_xml_reader *self) { return xmlTextReaderGetParserColumnNumber(self->reader); }

int64_t pmy_xml_bytes_consumed(pmy_xml_reader *self) { return (int64_t)xmlTextReaderByteConsumed(self->reader); }

const char *pmy_xml_declared_encoding(pmy_xml_reader *self) {
    const xmlChar *encoding = xmlTextReaderConstEncoding(self->reader);
    return encoding != NULL ? (const char *)encoding : "";
}

int32_t pmy_xml_declares_entities(pmy_xml_reader *self) {
    xmlDocPtr doc = xmlTextReaderCurrentDoc(self->reader);
    if (doc == NULL) return 0;
    xmlDtdPtr subsets[2] = {doc->intSubset, doc->extSubset};
    for (int i = 0; i < 2; i++) {
        if (subsets[i] != NULL && (subsets[i]->entities != NULL || subsets[i]->pentities != NULL)) return 1;
    }
    return 0;
}

const char *pmy_xml_error_message(pmy_xml_reader *self) { return self->has_error ? self->message : ""; }

int32_t pmy_xml_error_line(pmy_xml_reader *self) { return self->error_line; }

int32_t pmy_xml_error_column(pmy_xml_reader *self) { return self->error_column; }
