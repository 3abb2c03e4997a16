// CXMLShim — a streaming XML pull reader over libxml2's SAX2 push parser, behind plain C types.
//
// Why a shim and not FoundationXML's XMLParser: on Linux XMLParser runs libxml2 with RECOVER and
// NOENT, silently drops references to entities it does not load (the text after `&xxe;` is lost),
// does not report entity declarations to its delegate, and reports errors as bare codes without a
// message. Measured on a 200,000-unit TMX (docs/TMX.md): XMLParser 0.78 s with an empty delegate,
// libxml2 0.44 s. And why SAX rather than libxml2's xmlTextReader: the reader parses ahead and its
// nodes keep no column, so errors could not name their exact line and column.
//
// How: the input is pushed to libxml2 in 64 KiB chunks; the SAX callbacks queue events (start and
// end of elements, text) with their line and column; pmy_xml_read hands them out one by one and
// pushes the next chunk when the queue is empty. Memory is bounded by one chunk's events.
//
// Security (untrusted input): no DTD is ever loaded (no externalSubset/resolveEntity handlers, no
// XML_PARSE_DTDLOAD), entities are never substituted (no XML_PARSE_NOENT); any entity declaration
// (general or parameter, internal or external) stops the parse with PMY_XML_ERROR_ENTITY, and so
// does a reference to any entity but the five predefined ones. Attribute defaults declared in the
// file's DOCTYPE (`<!ATTLIST tuv xml:lang CDATA "en">`) are never applied: only attributes written on
// the element are reported. libxml2's messages never reach stderr (the global error handlers are
// swapped for the reader's while it parses): an error is reported once, through pmy_xml_error_*. No XML_PARSE_RECOVER (malformed XML
// stops the parse), no XML_PARSE_HUGE (libxml2's 10,000,000-byte limits on one text or value stay).
//
// Every function is prefixed `pmy_xml_`. Strings returned are UTF-8, NUL-terminated, owned by the
// reader and valid until the next pmy_xml_read.
#ifndef PAMYAT_CXMLSHIM_H
#define PAMYAT_CXMLSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open reader (opaque).
typedef struct pmy_xml_reader pmy_xml_reader;

/// Event kinds.
enum {
    PMY_XML_ELEMENT = 1,
    PMY_XML_TEXT = 3,
    PMY_XML_END_ELEMENT = 15,
};

/// Error kinds (pmy_xml_error_kind).
enum {
    PMY_XML_ERROR_NONE = 0,
    /// Not well-formed XML, or bytes that do not match the declared encoding.
    PMY_XML_ERROR_SYNTAX = 1,
    /// An entity declaration, or a reference to an entity other than amp, lt, gt, quot, apos.
    PMY_XML_ERROR_ENTITY = 2,
    /// The input ended before the document did.
    PMY_XML_ERROR_TRUNCATED = 3,
    /// Reading the input failed (errno in the message).
    PMY_XML_ERROR_IO = 4,
    /// The input is empty.
    PMY_XML_ERROR_EMPTY = 5,
    /// Bytes that do not match the declared (or detected) encoding, an encoding libxml2 cannot read,
    /// or a character (or character reference) XML forbids.
    PMY_XML_ERROR_ENCODING = 6,
    /// Over one of libxml2's size limits (10,000,000 bytes of lookahead, names of 50,000 bytes).
    PMY_XML_ERROR_LIMIT = 7,
    /// UTF-16 input (by its byte order mark or its encoding) with an odd number of bytes: its last
    /// character is cut (libxml2 would drop the odd byte without a word). The message gives the count.
    PMY_XML_ERROR_ODD_UTF16 = 8,
};

/// Reads from an open file descriptor, which the caller closes after pmy_xml_close.
pmy_xml_reader *pmy_xml_open_fd(int32_t fd);
/// Reads from memory; `bytes` must stay valid until pmy_xml_close.
pmy_xml_reader *pmy_xml_open_memory(const char *bytes, int64_t length);
/// Frees the reader.
void pmy_xml_close(pmy_xml_reader *reader);

/// Advances to the next event: 1 an event is there, 0 the document ended, -1 an error
/// (pmy_xml_error_*). Events before an error are handed out first.
int32_t pmy_xml_read(pmy_xml_reader *reader);
/// The current event's kind (PMY_XML_ELEMENT, PMY_XML_TEXT, PMY_XML_END_ELEMENT).
int32_t pmy_xml_kind(pmy_xml_reader *reader);
/// The element's qualified name (`xml:lang`, `tu`) for ELEMENT and END_ELEMENT, else "".
const char *pmy_xml_name(pmy_xml_reader *reader);
/// The text of a TEXT event (text, white space or CDATA), else "".
const char *pmy_xml_value(pmy_xml_reader *reader);
/// Its length in bytes.
int64_t pmy_xml_value_length(pmy_xml_reader *reader);
/// The number of attributes of an ELEMENT event, and each one's qualified name and value.
int32_t pmy_xml_attribute_count(pmy_xml_reader *reader);
const char *pmy_xml_attribute_name(pmy_xml_reader *reader, int32_t index);
const char *pmy_xml_attribute_value(pmy_xml_reader *reader, int32_t index);
/// Line (1-based) and column where the parser was when it reported the current event (just after a
/// start tag, an end tag, or a run of text).
int32_t pmy_xml_line(pmy_xml_reader *reader);
int32_t pmy_xml_column(pmy_xml_reader *reader);
/// Bytes of input pushed to the parser so far (for progress).
int64_t pmy_xml_bytes_consumed(pmy_xml_reader *reader);
/// The encoding the XML declaration names (`UTF-8`), or "" when it names none. Known once the first
/// ELEMENT event has been read.
const char *pmy_xml_declared_encoding(pmy_xml_reader *reader);

/// The first error: its kind (PMY_XML_ERROR_*), message, line and column (0 if unknown).
int32_t pmy_xml_error_kind(pmy_xml_reader *reader);
const char *pmy_xml_error_message(pmy_xml_reader *reader);
int32_t pmy_xml_error_line(pmy_xml_reader *reader);
int32_t pmy_xml_error_column(pmy_xml_reader *reader);

#ifdef __cplusplus
}
#endif

#endif
