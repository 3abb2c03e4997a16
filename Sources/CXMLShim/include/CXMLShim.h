// CXMLShim — a streaming XML pull reader over libxml2's xmlTextReader, behind plain C types.
//
// Why a shim and not FoundationXML's XMLParser: on Linux XMLParser runs libxml2 with RECOVER and
// NOENT, silently drops references to entities it does not load (the text after `&xxe;` is lost),
// does not report entity declarations to its delegate, and reports errors as bare codes without a
// message. Measured on a 200,000-unit TMX (docs/TMX.md): XMLParser 0.78 s with an empty delegate,
// libxml2's reader 0.44 s. This reader is configured for untrusted input (see pmy_xml_open_*):
// no DTD loading, no entity substitution, no network, libxml2's default size limits (no HUGE).
//
// Every function is prefixed `pmy_xml_`. Strings returned are UTF-8, owned by the reader and valid
// until the next call to pmy_xml_read (or to an attribute function).
#ifndef PAMYAT_CXMLSHIM_H
#define PAMYAT_CXMLSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open reader (opaque).
typedef struct pmy_xml_reader pmy_xml_reader;

/// Node kinds the reader reports (the values of libxml2's xmlReaderTypes).
enum {
    PMY_XML_ELEMENT = 1,
    PMY_XML_TEXT = 3,
    PMY_XML_CDATA = 4,
    PMY_XML_ENTITY_REFERENCE = 5,
    PMY_XML_PROCESSING_INSTRUCTION = 7,
    PMY_XML_COMMENT = 8,
    PMY_XML_DOCUMENT_TYPE = 10,
    PMY_XML_WHITESPACE = 13,
    PMY_XML_SIGNIFICANT_WHITESPACE = 14,
    PMY_XML_END_ELEMENT = 15,
};

/// Opens a file for reading. Returns NULL when it cannot be opened (errno tells why).
pmy_xml_reader *pmy_xml_open_file(const char *path);
/// Reads from an open file descriptor (e.g. 0 for standard input); the descriptor is not closed.
pmy_xml_reader *pmy_xml_open_fd(int32_t fd);
/// Reads from memory; `bytes` must stay valid until pmy_xml_close.
pmy_xml_reader *pmy_xml_open_memory(const char *bytes, int32_t length);
/// Frees the reader.
void pmy_xml_close(pmy_xml_reader *reader);

/// Advances to the next node: 1 a node is there, 0 the document ended, -1 an error (see pmy_xml_error_*).
int32_t pmy_xml_read(pmy_xml_reader *reader);
/// The current node's kind (PMY_XML_*).
int32_t pmy_xml_node_type(pmy_xml_reader *reader);
/// The current node's qualified name (`xml:lang`, `tu`), or "" when it has none.
const char *pmy_xml_name(pmy_xml_reader *reader);
/// The current node's text (text, whitespace, CDATA, attribute value), or "" when it has none.
const char *pmy_xml_value(pmy_xml_reader *reader);
/// The length in bytes of pmy_xml_value's result (it may hold no NUL, but this avoids a strlen).
int32_t pmy_xml_value_length(pmy_xml_reader *reader);
/// Whether the current element is empty (`<ph/>`): no END_ELEMENT node follows it.
int32_t pmy_xml_is_empty_element(pmy_xml_reader *reader);
/// Moves to the current element's next attribute (1) or reports there are no more (0); call
/// pmy_xml_move_to_element when done.
int32_t pmy_xml_next_attribute(pmy_xml_reader *reader);
/// Moves back from an attribute to its element.
void pmy_xml_move_to_element(pmy_xml_reader *reader);

/// The line (1-based) where the current node starts (0 when unknown).
int32_t pmy_xml_node_line(pmy_xml_reader *reader);
/// Line (1-based) and column of the parser's position in the input, which may be ahead of the
/// current node by up to one read-ahead chunk.
int32_t pmy_xml_line(pmy_xml_reader *reader);
int32_t pmy_xml_column(pmy_xml_reader *reader);
/// Bytes of input consumed so far (for progress).
int64_t pmy_xml_bytes_consumed(pmy_xml_reader *reader);
/// The encoding the document declared (`UTF-8`), or "" when it declared none.
const char *pmy_xml_declared_encoding(pmy_xml_reader *reader);
/// Whether the document's DTD declares entities (general or parameter). Call on the DOCUMENT_TYPE
/// node or later. pamyat refuses such documents: TMX needs no entities, and this shuts out
/// expansion bombs and external-entity (XXE) tricks whatever libxml2 would have done with them.
int32_t pmy_xml_declares_entities(pmy_xml_reader *reader);

/// The first error libxml2 reported, or "" when there was none; its line and column (0 if unknown).
const char *pmy_xml_error_message(pmy_xml_reader *reader);
int32_t pmy_xml_error_line(pmy_xml_reader *reader);
int32_t pmy_xml_error_column(pmy_xml_reader *reader);

#ifdef __cplusplus
}
#endif

#endif
