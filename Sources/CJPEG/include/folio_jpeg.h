#pragma once
// JPEG through libjpeg-turbo's libjpeg API: reading a file's header (size, components, resolution), decoding it for
// PNG previews, and encoding one (`folio generate`). libjpeg reports errors with longjmp, which only C can catch,
// hence this shim. PDFs never decode a JPEG: cairo embeds the file's bytes as they are.
#include <stddef.h>
#include <stdint.h>

/// What a JPEG's header says.
typedef struct {
    int width, height;
    /// 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK.
    int components;
    /// JFIF density: 0 unknown (aspect ratio only), 1 dots per inch, 2 dots per centimetre.
    int density_unit;
    int x_density, y_density;
    int progressive;
} folio_jpeg_info;

/// Reads the header of the JPEG in `data`. Returns 0, or -1 with a message in `error`.
int folio_jpeg_read_info(const uint8_t *data, size_t length, folio_jpeg_info *info, char *error, size_t error_size);

/// Decodes the JPEG in `data` into cairo RGB24 pixels (32-bit native-endian xRGB), `width` × `height` as its header
/// says, `stride` bytes a row. Returns 0, or -1 with a message in `error`.
int folio_jpeg_decode_rgb24(const uint8_t *data, size_t length, uint8_t *pixels, int width, int height, int stride,
                            char *error, size_t error_size);

/// Encodes `height` rows of 8-bit RGB pixels (3 bytes each, `width * 3` bytes a row) as a baseline JPEG at
/// `quality` (1–100) with a JFIF density of `dpi`. Returns 0 and sets `*out` (free it with folio_jpeg_free) and
/// `*length`, or -1 with a message in `error`.
int folio_jpeg_encode_rgb(const uint8_t *rgb, int width, int height, int quality, int dpi,
                          uint8_t **out, size_t *length, char *error, size_t error_size);

/// Frees what folio_jpeg_encode_rgb returned.
void folio_jpeg_free(uint8_t *bytes);
