// The libxml2 headers CHTMLShim uses.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
