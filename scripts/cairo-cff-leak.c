/* Reproducer for a leak in cairo 1.16 (Debian 12): every PDF surface that embeds a CFF font (Noto CJK) loses
   768 bytes in cairo, whatever the caller does. Build: gcc -fsanitize=address cairo-cff-leak.c $(pkg-config
   --cflags --libs cairo-ft) && ./a.out /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc 1 8
   LeakSanitizer reports 8 x 768 bytes; with a TrueType font (NotoSerif-Regular.ttf 0 8) nothing. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
static cairo_status_t sink(void *c, const unsigned char *d, unsigned int n) { return CAIRO_STATUS_SUCCESS; }
int main(int argc, char **argv) {
  FT_Library lib; FT_Init_FreeType(&lib);
  FT_Face face; FT_New_Face(lib, argv[1], atoi(argv[2]), &face);
  cairo_font_face_t *ff = cairo_ft_font_face_create_for_ft_face(face, 0);
  int n = atoi(argv[3]);
  for (int i = 0; i < n; i++) {
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sink, NULL, 595, 842);
    cairo_t *cr = cairo_create(s);
    cairo_set_font_face(cr, ff); cairo_set_font_size(cr, 10);
    cairo_glyph_t g[3] = {{1000, 10, 10}, {2000, 20, 10}, {3000, 30, 10}};
    cairo_show_glyphs(cr, g, 3);
    cairo_show_page(cr);
    cairo_destroy(cr); cairo_surface_finish(s); cairo_surface_destroy(s);
  }
  return 0;
}
