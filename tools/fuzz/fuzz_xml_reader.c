// libFuzzer target for CXMLShim, the C pull reader over libxml2 that reads untrusted TMX.
//
// Reads every event of the input (names, values, attributes, positions) and checks the reader's
// promises: events are well-formed NUL-terminated strings, an error has a kind and a one-line
// message, and nothing is written to stderr by libxml2 (the global handlers are the reader's).
// Build and run: `make fuzz` (bounded time; not part of `make test`).
#include "CXMLShim.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check(int condition) {
    if (!condition) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    pmy_xml_reader *reader = pmy_xml_open_memory((const char *)data, (int64_t)size);
    if (reader == NULL) return 0;
    int32_t status;
    size_t events = 0;
    while ((status = pmy_xml_read(reader)) == 1) {
        events++;
        int32_t kind = pmy_xml_kind(reader);
        check(kind == PMY_XML_ELEMENT || kind == PMY_XML_TEXT || kind == PMY_XML_END_ELEMENT);
        size_t name = strlen(pmy_xml_name(reader));
        check(kind == PMY_XML_TEXT ? name == 0 : name > 0);
        int64_t length = pmy_xml_value_length(reader);
        check(length >= 0);
        if (length > 0) check(pmy_xml_value(reader)[length - 1] != 0 || kind == PMY_XML_TEXT);
        int32_t attributes = pmy_xml_attribute_count(reader);
        check(attributes >= 0);
        for (int32_t index = 0; index < attributes; index++) {
            check(strlen(pmy_xml_attribute_name(reader, index)) > 0);
            (void)strlen(pmy_xml_attribute_value(reader, index));
        }
        check(pmy_xml_line(reader) >= 0 && pmy_xml_column(reader) >= 0);
    }
    if (status < 0) {
        int32_t kind = pmy_xml_error_kind(reader);
        check(kind != PMY_XML_ERROR_NONE);
        const char *message = pmy_xml_error_message(reader);
        check(strlen(message) < 512);
        if (kind != PMY_XML_ERROR_IO) check(pmy_xml_error_line(reader) > 0 && pmy_xml_error_column(reader) > 0);
    } else {
        check(status == 0);
    }
    pmy_xml_close(reader);
    return 0;
}
