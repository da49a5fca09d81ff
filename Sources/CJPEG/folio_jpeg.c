#include "folio_jpeg.h"
#include <stdio.h>
#include <jpeglib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

struct failure { struct jpeg_error_mgr manager; jmp_buf jump; char message[JMSG_LENGTH_MAX]; };

static void on_error(j_common_ptr cinfo) {
    struct failure *f = (struct failure *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, f->message);
    longjmp(f->jump, 1);
}

/// Corrupt-data warnings are errors: a damaged file is refused, not drawn half grey.
static void on_message(j_common_ptr cinfo, int level) {
    if (level < 0) on_error(cinfo);
}

static void prepare(struct jpeg_decompress_struct *cinfo, struct failure *f) {
    cinfo->err = jpeg_std_error(&f->manager);
    f->manager.error_exit = on_error;
    f->manager.emit_message = on_message;
    f->message[0] = 0;
}

int folio_jpeg_read_info(const uint8_t *data, size_t length, folio_jpeg_info *info, char *error, size_t error_size) {
    struct jpeg_decompress_struct cinfo;
    struct failure f;
    prepare(&cinfo, &f);
    if (setjmp(f.jump)) {
        jpeg_destroy_decompress(&cinfo);
        snprintf(error, error_size, "libjpeg: %s", f.message);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);
    info->width = (int)cinfo.image_width;
    info->height = (int)cinfo.image_height;
    info->components = cinfo.num_components;
    info->density_unit = cinfo.saw_JFIF_marker ? cinfo.density_unit : 0;
    info->x_density = cinfo.X_density;
    info->y_density = cinfo.Y_density;
    info->progressive = cinfo.progressive_mode ? 1 : 0;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

int folio_jpeg_decode_rgb24(const uint8_t *data, size_t length, uint8_t *pixels, int width, int height, int stride,
                            char *error, size_t error_size) {
    struct jpeg_decompress_struct cinfo;
    struct failure f;
    JSAMPLE *row = NULL;
    prepare(&cinfo, &f);
    if (setjmp(f.jump)) {
        jpeg_destroy_decompress(&cinfo);
        free(row);
        snprintf(error, error_size, "libjpeg: %s", f.message);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK ? JCS_CMYK : JCS_RGB;
    jpeg_start_decompress(&cinfo);
    if ((int)cinfo.output_width != width || (int)cinfo.output_height != height) {
        jpeg_destroy_decompress(&cinfo);
        snprintf(error, error_size, "the JPEG is not %dx%d", width, height);
        return -1;
    }
    int n = cinfo.output_components;
    row = malloc((size_t)width * (size_t)n);
    if (!row) { jpeg_destroy_decompress(&cinfo); snprintf(error, error_size, "out of memory"); return -1; }
    while (cinfo.output_scanline < cinfo.output_height) {
        int y = (int)cinfo.output_scanline;
        JSAMPROW rows[1] = { row };
        jpeg_read_scanlines(&cinfo, rows, 1);
        uint32_t *out = (uint32_t *)(pixels + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++) {
            const JSAMPLE *p = row + (size_t)x * (size_t)n;
            uint32_t r, g, b;
            if (n == 4) {
                // Adobe writes CMYK JPEGs inverted, which is how libjpeg returns them.
                uint32_t k = p[3];
                r = p[0] * k / 255; g = p[1] * k / 255; b = p[2] * k / 255;
            } else if (n == 1) { r = g = b = p[0]; }
            else { r = p[0]; g = p[1]; b = p[2]; }
            out[x] = 0xFF000000u | r << 16 | g << 8 | b;
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    free(row);
    return 0;
}

int folio_jpeg_encode_rgb(const uint8_t *rgb, int width, int height, int quality, int dpi,
                          uint8_t **out, size_t *length, char *error, size_t error_size) {
    struct jpeg_compress_struct cinfo;
    struct failure f;
    unsigned char *buffer = NULL;
    unsigned long size = 0;
    cinfo.err = jpeg_std_error(&f.manager);
    f.manager.error_exit = on_error;
    if (setjmp(f.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        snprintf(error, error_size, "libjpeg: %s", f.message);
        return -1;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.density_unit = 1;
    cinfo.X_density = cinfo.Y_density = (UINT16)dpi;
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW rows[1] = { (JSAMPROW)(rgb + (size_t)cinfo.next_scanline * (size_t)width * 3) };
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *length = size;
    return 0;
}

void folio_jpeg_free(uint8_t *bytes) { free(bytes); }
