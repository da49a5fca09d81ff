#pragma once
// PNG encoding of cairo image surfaces with libpng, at a chosen zlib level. cairo_surface_write_to_png always
// uses libpng's defaults, whose deflate level and filtering cost a thumbnail more than drawing it; libpng reports
// errors with longjmp, which only C can catch, hence this shim.
#include <stddef.h>
#include <stdint.h>

/// Encodes `height` rows of cairo RGB24 pixels (32-bit native-endian xRGB, `stride` bytes a row) as an 8-bit RGB
/// PNG with zlib `level` (0–9) and no row filtering. Returns 0 and sets `*out` (free it with folio_png_free) and
/// `*length`; on failure returns -1 with a message in `error`.
int folio_png_encode_rgb24(const uint8_t *pixels, int width, int height, int stride, int level,
                           uint8_t **out, size_t *length, char *error, size_t error_size);

/// Frees what folio_png_encode_rgb24 returned.
void folio_png_free(uint8_t *bytes);
