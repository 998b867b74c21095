/* ooxml.h — what the .docx and .xlsx readers share: a zipped package of XML parts.
 *
 * An Office Open XML file is a zip (libzip, read from memory) whose entries
 * ("parts") are XML (libxml2). This module opens the package with guards
 * against hostile files and parses parts into libxml2 trees:
 *   - at most OOXML_MAX_ENTRIES entries;
 *   - each part read is checked against IMPORT_MAX_UNZIPPED (reader.h) by its
 *     declared size, then read with that size as a hard cap (a lying header
 *     cannot inflate more), and all parts read from one package together stay
 *     under OOXML_MAX_TOTAL;
 *   - an encrypted entry is refused with a "password" message;
 *   - XML is parsed with XML_PARSE_NONET and without XML_PARSE_NOENT (no
 *     network, no entity expansion), and a part with a DTD is refused (OOXML
 *     forbids DTDs; refusing them closes the entity-expansion door for good).
 * Part names are matched without regard to case (OPC part names are
 * case-insensitive) and without a leading '/'.
 *
 * Errors are filled in the caller's dti_err as one line naming the file and,
 * for a part, the part. Element and attribute helpers accept both the
 * transitional and the strict OOXML namespaces. */
#ifndef DTI_OOXML_H
#define DTI_OOXML_H
#include <stddef.h>
#include <libxml/tree.h>
#include "base/buf.h"
#include "base/err.h"
#include "import/reader.h"

#define OOXML_MAX_ENTRIES 10000
#define OOXML_MAX_TOTAL   IMPORT_MAX_UNZIPPED   /* all parts read from one package */
#define OOXML_MAX_PATH    512                   /* a part name */
#define OOXML_MAX_RELS    10000                 /* relationships in one .rels part */

typedef struct ooxml ooxml;     /* an open package; opaque */

/* Open the zip in DATA (N bytes, must outlive the handle). NAME is the file
 * name for messages (copied). On success *OUT is a handle the caller closes
 * with ooxml_close(); on failure *OUT is NULL and E says why (damaged or
 * truncated zip, too many entries). */
dti_rc ooxml_open(const char *data, size_t n, const char *name, ooxml **out, dti_err *e);
/* Close the package; NULL is a harmless no-op. */
void ooxml_close(ooxml *z);
/* Non-zero when the package has the part PATH. */
int ooxml_has(ooxml *z, const char *path);
/* For sniff(): 1 when DATA is a zip holding the part PATH, 0 when it is a
 * zip without it or not a zip, -1 when it starts like a zip but cannot be
 * opened (damaged or truncated). */
int ooxml_sniff(const char *data, size_t n, const char *path);

/* Read the part PATH into *OUT (NUL-terminated, caller frees) and *LEN.
 * DTI_ERR_NOTFOUND (E filled) when there is no such part. */
dti_rc ooxml_read(ooxml *z, const char *path, char **out, size_t *len, dti_err *e);
/* Read and parse the part PATH. When the part is missing: if REQUIRED,
 * DTI_ERR_FORMAT naming the part; else DTI_OK with *OUT NULL. The caller
 * frees the tree with xmlFreeDoc(). */
dti_rc ooxml_parse(ooxml *z, const char *path, int required, xmlDoc **out, dti_err *e);

/* Relationships of a part (its _rels/NAME.rels), targets resolved to part
 * names. External targets are left out. */
typedef struct ooxml_rel {
    char *id;       /* "rId1" */
    char *type;     /* the full type URI */
    char *target;   /* resolved part name, "xl/worksheets/sheet1.xml" */
} ooxml_rel;

typedef struct ooxml_rels {
    ooxml_rel *v;
    size_t n;
} ooxml_rels;

/* Load the relationships of part SOURCE ("word/document.xml"). A missing
 * .rels part gives an empty list and DTI_OK. Release with ooxml_rels_release. */
dti_rc ooxml_rels_load(ooxml *z, const char *source, ooxml_rels *out, dti_err *e);
void ooxml_rels_release(ooxml_rels *r);
/* The relationship with id ID, or NULL. */
const ooxml_rel *ooxml_rels_id(const ooxml_rels *r, const char *id);
/* The first relationship whose type URI ends with "/" SUFFIX
 * ("sharedStrings", "numbering"), or NULL. */
const ooxml_rel *ooxml_rels_type(const ooxml_rels *r, const char *suffix);

/* Namespaces the helpers know; each stands for its transitional and strict URI. */
enum {
    OOXML_NS_NONE = 0,  /* an attribute with no namespace */
    OOXML_NS_W,         /* wordprocessingml main */
    OOXML_NS_S,         /* spreadsheetml main */
    OOXML_NS_R,         /* officeDocument relationships (r:id) */
    OOXML_NS_PKG,       /* package relationships (.rels parts) */
    OOXML_NS_MC         /* markup compatibility (mc:AlternateContent) */
};

/* Non-zero when N is an element named LOCAL in namespace NS. */
int ooxml_is(const xmlNode *n, int ns, const char *local);
/* The first child element of N named LOCAL in NS, or NULL. */
xmlNode *ooxml_child(const xmlNode *n, int ns, const char *local);
/* The value of N's attribute LOCAL in NS (OOXML_NS_NONE for a plain one),
 * or NULL. The string belongs to the tree. */
const char *ooxml_attr(const xmlNode *n, int ns, const char *local);
/* Append the text content of N's text and CDATA children (not deeper, and
 * never entity content) to B. */
void ooxml_text(const xmlNode *n, buf *b);
/* Parse the decimal integer S into *OUT when it lies in LO..HI; 0 or -1. */
int ooxml_long(const char *s, long lo, long hi, long *out);
/* Is an on/off attribute value ("1", "true", "on", missing = on) on? NULL is on. */
int ooxml_on(const char *val);

/* Build a zip holding N parts (NAMES[i] with the NUL-terminated TEXTS[i]),
 * deflated, into *OUT (caller frees) and *LEN. For tests and fuzz targets,
 * which make small packages from literal XML. 0 or -1. */
int ooxml_zip_build(const char *const *names, const char *const *texts, size_t n,
                    char **out, size_t *len);

#endif
