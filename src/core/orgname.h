/* orgname.h — matching the names of units as plans write them (pure, no I/O).
 *
 * Plans name the same unit many ways: "Phòng VH-XH", "Phòng Văn hóa - Xã
 * hội", "Phòng Văn hoá-Xã hội", "Phòng Văn hóa - XH". orgname_key() maps all
 * of them to one key ("phong van hoa xa hoi"): text_fold() (NFC, case, tone
 * marks, đ, dashes and spaces), then
 *   - the usual abbreviations expanded word by word (VH, XH, VHXH, HĐND,
 *     UBND, TTPVHCC, PVHCC, TT, DV, TTDVTH, CNSCĐ, KT, VP, KH&CN, TYT, ...);
 *     "CA" (công an) only when written in capitals, since "ca"/"cả" are words;
 *   - "và" dropped ("Văn hóa và Xã hội" = "Văn hóa - Xã hội");
 *   - a phrase repeated at once collapsed ("Trung tâm PVHCC" = "TTPVHCC");
 *   - "UBND & HĐND" put in the usual order "HĐND & UBND";
 *   - a trailing level word dropped ("Công an xã" = "Công an", "Công an
 *     tỉnh" at the province's level = "Công an"), and with PLACE given a
 *     trailing place name too ("Công an xã Hòa Bình").
 * Keys are compared within one parent org only, so "Công an" under a
 * commune and under its province stay two orgs.
 *
 * Every function returning char * returns a new string the caller frees,
 * or NULL for NULL input or when out of memory. */
#ifndef DTI_ORGNAME_H
#define DTI_ORGNAME_H

/* Input longer than this is cut before folding (names are short). */
#define ORGNAME_MAX_BYTES 1024

/* The matching key of a unit name. PLACE (may be NULL) is the name of the
 * commune or province the unit belongs to. An all-level name ("xã") keeps
 * its word rather than fold to "". */
char *orgname_key(const char *name, const char *place);

/* The key of a province or commune name: orgname_key() without a leading
 * level word ("xã Hòa Bình", "Hòa Bình" and "Xã Hoà Bình" are one key). */
char *orgname_place_key(const char *name);

/* Non-zero when NAME is a collective of unnamed units ("Các phòng ban liên
 * quan", "Các thôn", "Ban điều hành các ấp, sóc", "Đơn vị liên quan"): it
 * names no one org, so an import flags it rather than invent a unit. */
int orgname_is_collective(const char *name);

/* Non-zero when KEY (an orgname_key) is the people's committee itself
 * ("UBND xã", "Ủy ban nhân dân tỉnh"): the commune or province org, not a unit. */
int orgname_is_committee(const char *key);

#endif
