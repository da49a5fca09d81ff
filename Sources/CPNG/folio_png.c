#include "folio_png.h"
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sink { uint8_t *bytes; size_t length, capacity; int failed; };

static void write_bytes(png_structp png, png_bytep data, png_size_t count) {
    struct sink *s = png_get_io_ptr(png);
    if (s->failed) return;
    if (s->length + count > s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 65536;
        while (capacity < s->length + count) capacity *= 2;
        uint8_t *grown = realloc(s->bytes, capacity);
        if (!grown) { s->failed = 1; return; }
        s->bytes = grown; s->capacity = capacity;
    }
    memcpy(s->bytes + s->length, data, count);
    s->length += count;
}

static void flush_bytes(png_structp png) { (void)png; }

static void on_error(png_structp png, png_const_charp message) {
    char *error = png_get_error_ptr(png);
    if (error) snprintf(error, 256, "libpng: %s", message);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

int folio_png_encode_rgb24(const uint8_t *pixels, int width, int height, int stride, int level,
                           uint8_t **out, size_t *length, char *error, size_t error_size) {
    char message[256] = "libpng failed";
    struct sink sink = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, message, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_write_struct(&png, NULL);
        snprintf(error, error_size, "libpng could not start");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(sink.bytes);
        snprintf(error, error_size, "%s", message);
        return -1;
    }
    png_set_write_fn(png, &sink, write_bytes, flush_bytes);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    // cairo's xRGB as a 32-bit word: bytes B, G, R, x in memory on little-endian machines, x, R, G, B on big-endian.
    const uint32_t probe = 1;
    if (*(const uint8_t *)&probe == 1) { png_set_bgr(png); png_set_filler(png, 0, PNG_FILLER_AFTER); }
    else png_set_filler(png, 0, PNG_FILLER_BEFORE);
    for (int y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(pixels + (size_t)y * (size_t)stride));
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    if (sink.failed) { free(sink.bytes); snprintf(error, error_size, "out of memory encoding a PNG"); return -1; }
    *out = sink.bytes;
    *length = sink.length;
    return 0;
}

void folio_png_free(uint8_t *bytes) { free(bytes); }
