/* Plain-C face of ICU for Folio: Swift cannot call ICU's version-renamed symbols, and a Swift
   module that sees ICU's headers beside Foundation does not compile, so ICU stays behind this. */
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of line-break opportunity reported by folio_line_breaks. */
enum {
    FOLIO_BREAK_SOFT = 0,   /* a line may end here */
    FOLIO_BREAK_HARD = 1    /* a line must end here (mandatory break, UAX #14 BK/CR/LF/NL) */
};

/** Line-break opportunities (UAX #14, ICU rules) in UTF-16 text.
    Writes up to `capacity` offsets (in UTF-16 units, each > 0, ascending, the last = length) and their kinds.
    Returns the number of opportunities found (may exceed capacity: call again with a larger buffer),
    or -1 on an ICU error (its code in *error). */
int32_t folio_line_breaks(const uint16_t *text, int32_t length, const char *locale,
                          int32_t *offsets, uint8_t *kinds, int32_t capacity, int32_t *error);

/** Opens (and keeps, for this thread) the line break iterator for a locale, so that its rules are built before the
    first paragraph needs them. */
void folio_warm_line_breaks(const char *locale);

/** Grapheme cluster boundaries in UTF-16 text, same contract as folio_line_breaks (without kinds). */
int32_t folio_grapheme_breaks(const uint16_t *text, int32_t length,
                              int32_t *offsets, int32_t capacity, int32_t *error);

/** The ISO 15924 tag of a code point's script as four ASCII bytes packed big-endian ('Hang', 'Latn',
    'Zyyy' for Common, 'Zinh' for Inherited, 'Zzzz' for Unknown). */
uint32_t folio_script_tag(uint32_t codepoint);

/** The UAX #14 line-break class of a code point as ICU's ULineBreak value. */
int32_t folio_line_break_class(uint32_t codepoint);

/** Whether the code point is white space (Unicode White_Space). */
int32_t folio_is_whitespace(uint32_t codepoint);

/** ICU's name of a UErrorCode ("U_MEMORY_ALLOCATION_ERROR"), for error messages. */
const char *folio_error_name(int32_t code);


/** A calendar date written in a locale's words: ICU's pattern for the locale and `skeleton` (the fields wanted, e.g.
    "dMMMMy") gives their order, words and punctuation. Writes up to `capacity` UTF-16 units to `out`; returns the
    length (which may exceed capacity), or -1 on an ICU error (its code in *error). */
int32_t folio_format_date(int32_t year, int32_t month, int32_t day, const char *locale, const char *skeleton,
                          uint16_t *out, int32_t capacity, int32_t *error);

/** The embedding level of every UTF-16 unit of a paragraph after the Unicode Bidirectional Algorithm (UAX #9, ICU's
    ubidi): `paragraph_level` 0 sets the paragraph left to right, 1 right to left. Writes `length` levels to `levels`;
    returns 0, or -1 on an ICU error (its code in *error). */
int32_t folio_bidi_levels(const uint16_t *text, int32_t length, uint8_t paragraph_level, uint8_t *levels, int32_t *error);

/** The visual order of a line's pieces from their levels (UAX #9 rule L2, ubidi_reorderVisual): writes to
    `logical_of` the logical index of the piece shown at each visual position, left to right. */
void folio_bidi_visual_order(const uint8_t *levels, int32_t count, int32_t *logical_of);

#ifdef __cplusplus
}
#endif
