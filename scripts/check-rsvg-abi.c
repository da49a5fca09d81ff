// Checks that Sources/CRsvg/include/folio_rsvg.h declares librsvg's and GLib's types with their real layouts
// and its functions with compatible parameters. Compiled (not run) by `make test`:
//   cc -fsyntax-only $(pkg-config --cflags librsvg-2.0) -I Sources/CRsvg/include scripts/check-rsvg-abi.c
#include <librsvg/rsvg.h>
#include <stddef.h>
#include "folio_rsvg.h"

_Static_assert(sizeof(folio_rsvg_rectangle) == sizeof(RsvgRectangle), "RsvgRectangle size");
_Static_assert(offsetof(folio_rsvg_rectangle, width) == offsetof(RsvgRectangle, width), "RsvgRectangle layout");
_Static_assert(offsetof(folio_rsvg_rectangle, height) == offsetof(RsvgRectangle, height), "RsvgRectangle layout");
_Static_assert(sizeof(folio_gerror) == sizeof(GError), "GError size");
_Static_assert(offsetof(folio_gerror, code) == offsetof(GError, code), "GError layout");
_Static_assert(offsetof(folio_gerror, message) == offsetof(GError, message), "GError layout");
_Static_assert(sizeof(int) == sizeof(gboolean) && sizeof(size_t) == sizeof(gsize), "gboolean and gsize");

// Each function, called through the table's type with the real types' arguments, must compile.
void check(const struct folio_rsvg_api *api, RsvgHandle *h, cairo_t *cr, RsvgRectangle *r, GError *e) {
    RsvgHandle *made = (RsvgHandle *)api->new_from_data((const guint8 *)"", (gsize)0, (folio_gerror **)&e);
    api->set_dpi((folio_rsvg_handle *)h, 96);
    gdouble w, ht;
    gboolean has_w, has_h, has_vb;
    RsvgLength lw, lh;
    api->get_intrinsic_size_in_pixels((folio_rsvg_handle *)h, &w, &ht);
    api->get_intrinsic_dimensions((folio_rsvg_handle *)h, &has_w, &lw, &has_h, &lh, &has_vb, (folio_rsvg_rectangle *)r);
    api->render_document((folio_rsvg_handle *)h, cr, (const folio_rsvg_rectangle *)r, (folio_gerror **)&e);
    api->error_free((folio_gerror *)e);
    api->object_unref(made);
    // The real prototypes, for the reader comparing them with the table above.
    (void)rsvg_handle_new_from_data; (void)rsvg_handle_set_dpi; (void)rsvg_handle_get_intrinsic_size_in_pixels;
    (void)rsvg_handle_get_intrinsic_dimensions; (void)rsvg_handle_render_document;
}
