#pragma once
// librsvg, loaded when an SVG is first met instead of at process start: mapping librsvg and the GIO, Pango and
// gdk-pixbuf stack it links is a cost every command would pay, while most reports have no SVG.
// librsvg's headers need that whole stack's include paths, so the few types Folio passes are declared here with
// librsvg's and GLib's documented layouts (checked against the real headers by scripts/check-rsvg-abi.c, which
// `make test` compiles).
#include <stddef.h>
#include <stdint.h>

#if !defined(__clang__)   // nullability is clang's; gcc (scripts/check-rsvg-abi.c) reads it as nothing
#define _Nullable
#define _Nonnull
#endif

/// RsvgRectangle.
typedef struct folio_rsvg_rectangle { double x, y, width, height; } folio_rsvg_rectangle;
/// GError.
typedef struct folio_gerror { uint32_t domain; int32_t code; char *_Nullable message; } folio_gerror;
/// RsvgHandle (a GObject).
typedef struct folio_rsvg_handle folio_rsvg_handle;

/// The librsvg (and GObject) functions Folio uses.
struct folio_rsvg_api {
    folio_rsvg_handle *_Nullable (*_Nonnull new_from_data)(const uint8_t *_Nullable data, size_t length,
                                                            folio_gerror *_Nullable *_Nullable error);
    void (*_Nonnull set_dpi)(folio_rsvg_handle *_Nonnull handle, double dpi);
    int (*_Nonnull get_intrinsic_size_in_pixels)(folio_rsvg_handle *_Nonnull handle, double *_Nonnull width,
                                                 double *_Nonnull height);
    void (*_Nonnull get_intrinsic_dimensions)(folio_rsvg_handle *_Nonnull handle, int *_Nullable has_width,
                                              void *_Nullable width, int *_Nullable has_height, void *_Nullable height,
                                              int *_Nullable has_viewbox, folio_rsvg_rectangle *_Nullable viewbox);
    int (*_Nonnull render_document)(folio_rsvg_handle *_Nonnull handle, void *_Nonnull cairo,
                                    const folio_rsvg_rectangle *_Nonnull viewport, folio_gerror *_Nullable *_Nullable error);
    void (*_Nonnull error_free)(folio_gerror *_Nonnull error);
    void (*_Nonnull object_unref)(void *_Nonnull object);
};

/// Loads librsvg once (thread-safe). NULL when it cannot be loaded; `folio_rsvg_error` then says why.
const struct folio_rsvg_api *_Nullable folio_rsvg_load(void);

/// Why loading failed (NULL when it did not).
const char *_Nullable folio_rsvg_error(void);
