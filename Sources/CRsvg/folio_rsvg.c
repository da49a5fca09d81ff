#include "folio_rsvg.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct folio_rsvg_api api;
static const struct folio_rsvg_api *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *names[] = {"librsvg-2.so.2", "librsvg-2.so", NULL};
    void *lib = NULL;
    for (int i = 0; names[i] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(failure, sizeof failure, "cannot load librsvg for SVG images (%s); install it: apt-get install librsvg2-2", dlerror());
        return;
    }
    // GObject's functions are found through librsvg's own dependencies.
#define RESOLVE(field, symbol) \
    if (!(*(void **)&api.field = dlsym(lib, symbol))) { \
        snprintf(failure, sizeof failure, "librsvg lacks %s: it is older than Folio needs (2.52)", symbol); \
        return; \
    }
    RESOLVE(new_from_data, "rsvg_handle_new_from_data")
    RESOLVE(set_dpi, "rsvg_handle_set_dpi")
    RESOLVE(get_intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels")
    RESOLVE(get_intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions")
    RESOLVE(render_document, "rsvg_handle_render_document")
    RESOLVE(error_free, "g_error_free")
    RESOLVE(object_unref, "g_object_unref")
#undef RESOLVE
    loaded = &api;
}

const struct folio_rsvg_api *folio_rsvg_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *folio_rsvg_error(void) {
    pthread_once(&once, load);
    return loaded ? NULL : failure;
}
