#include "folio_icu.h"
#include <unicode/ubrk.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ustring.h>
#include <unicode/ubidi.h>
#include <string.h>
#include <stdlib.h>
#include <pthread.h>

/* Opening a line break iterator builds its rules each time (tens of microseconds per paragraph, milliseconds for
   the first): each thread keeps one per locale and only gives it new text. The key's destructor closes it when
   the thread ends. */
typedef struct { UBreakIterator *iterator; char locale[32]; } CachedBreaker;
static pthread_key_t breaker_key;
static pthread_once_t breaker_once = PTHREAD_ONCE_INIT;
static void breaker_free(void *p) {
    CachedBreaker *c = p;
    if (c->iterator) ubrk_close(c->iterator);
    free(c);
}
static void breaker_key_create(void) { pthread_key_create(&breaker_key, breaker_free); }

static UBreakIterator *line_breaker(const char *locale, const UChar *text, int32_t length, UErrorCode *status) {
    pthread_once(&breaker_once, breaker_key_create);
    CachedBreaker *c = pthread_getspecific(breaker_key);
    if (c == NULL) {
        c = calloc(1, sizeof *c);
        if (c == NULL) return ubrk_open(UBRK_LINE, locale, text, length, status);
        pthread_setspecific(breaker_key, c);
    }
    if (c->iterator == NULL || strncmp(c->locale, locale, sizeof c->locale) != 0) {
        if (c->iterator) ubrk_close(c->iterator);
        c->iterator = ubrk_open(UBRK_LINE, locale, text, length, status);
        if (U_FAILURE(*status)) { c->iterator = NULL; return NULL; }
        strncpy(c->locale, locale, sizeof c->locale - 1);
        c->locale[sizeof c->locale - 1] = 0;
        return c->iterator;
    }
    ubrk_setText(c->iterator, text, length, status);
    return U_FAILURE(*status) ? NULL : c->iterator;
}

void folio_warm_line_breaks(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    static const UChar probe[] = { 'a', ' ', 'b', 0 };
    (void)line_breaker(locale, probe, 3, &status);
}

int32_t folio_line_breaks(const uint16_t *text, int32_t length, const char *locale,
                          int32_t *offsets, uint8_t *kinds, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = line_breaker(locale, (const UChar *)text, length, &status);
    if (bi == NULL || U_FAILURE(status)) { *error = status; return -1; }
    int32_t count = 0;
    for (int32_t pos = ubrk_following(bi, 0); pos != UBRK_DONE; pos = ubrk_next(bi)) {
        if (count < capacity) {
            offsets[count] = pos;
            int32_t rule = ubrk_getRuleStatus(bi);
            kinds[count] = (rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT) ? FOLIO_BREAK_HARD : FOLIO_BREAK_SOFT;
        }
        count++;
    }
    *error = 0;
    return count;
}

int32_t folio_grapheme_breaks(const uint16_t *text, int32_t length,
                              int32_t *offsets, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_CHARACTER, "", (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    int32_t count = 0;
    for (int32_t pos = ubrk_following(bi, 0); pos != UBRK_DONE; pos = ubrk_next(bi)) {
        if (count < capacity) offsets[count] = pos;
        count++;
    }
    ubrk_close(bi);
    *error = 0;
    return count;
}

uint32_t folio_script_tag(uint32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &status);
    const char *name = U_FAILURE(status) ? "Zzzz" : uscript_getShortName(code);
    if (name == NULL || strlen(name) != 4) name = "Zzzz";
    return ((uint32_t)(uint8_t)name[0] << 24) | ((uint32_t)(uint8_t)name[1] << 16) |
           ((uint32_t)(uint8_t)name[2] << 8) | (uint32_t)(uint8_t)name[3];
}

int32_t folio_line_break_class(uint32_t codepoint) {
    return u_getIntPropertyValue((UChar32)codepoint, UCHAR_LINE_BREAK);
}

int32_t folio_is_whitespace(uint32_t codepoint) {
    return u_isUWhiteSpace((UChar32)codepoint) ? 1 : 0;
}

const char *folio_error_name(int32_t code) {
    return u_errorName((UErrorCode)code);
}

int32_t folio_format_date(int32_t year, int32_t month, int32_t day, const char *locale, const char *skeleton,
                          uint16_t *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UChar zone[] = { 'U', 'T', 'C', 0 };
    UCalendar *calendar = ucal_open(zone, -1, locale, UCAL_GREGORIAN, &status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    ucal_clear(calendar);
    ucal_setDate(calendar, year, month - 1, day, &status);
    UDate date = ucal_getMillis(calendar, &status);
    ucal_close(calendar);
    UChar wanted[32], pattern[64];
    u_charsToUChars(skeleton, wanted, (int32_t)strlen(skeleton) + 1);
    UDateTimePatternGenerator *generator = udatpg_open(locale, &status);
    int32_t patternLength = udatpg_getBestPattern(generator, wanted, -1, pattern, 64, &status);
    udatpg_close(generator);
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, zone, -1, pattern, patternLength, &status);
    int32_t length = U_SUCCESS(status) ? udat_format(format, date, (UChar *)out, capacity, NULL, &status) : 0;
    if (format) udat_close(format);
    if (status == U_BUFFER_OVERFLOW_ERROR) return length;
    if (U_FAILURE(status)) { *error = status; return -1; }
    return length;
}

int32_t folio_bidi_levels(const uint16_t *text, int32_t length, uint8_t paragraph_level, uint8_t *levels, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &status);
    if (U_SUCCESS(status)) ubidi_setPara(bidi, (const UChar *)text, length, paragraph_level, NULL, &status);
    const UBiDiLevel *resolved = U_SUCCESS(status) ? ubidi_getLevels(bidi, &status) : NULL;
    if (resolved != NULL && U_SUCCESS(status)) memcpy(levels, resolved, (size_t)length);
    if (bidi != NULL) ubidi_close(bidi);
    if (U_FAILURE(status)) { *error = status; return -1; }
    *error = 0;
    return 0;
}

void folio_bidi_visual_order(const uint8_t *levels, int32_t count, int32_t *logical_of) {
    ubidi_reorderVisual((const UBiDiLevel *)levels, count, logical_of);
}
