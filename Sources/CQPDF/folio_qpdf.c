#include "folio_qpdf.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct folio_qpdf_api api;
static const struct folio_qpdf_api *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    // The runtime library's name, then the development link (the build machine has it).
    const char *names[] = {"libqpdf.so.29", "libqpdf.so", NULL};
    void *lib = NULL;
    for (int i = 0; names[i] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(failure, sizeof failure, "cannot load libqpdf (%s); install it: apt-get install libqpdf29", dlerror());
        return;
    }
#define RESOLVE(name) \
    if (!(*(void **)&api.name = dlsym(lib, #name))) { \
        snprintf(failure, sizeof failure, "libqpdf lacks %s: it is older than Folio needs (qpdf 11)", #name); \
        return; \
    }
    RESOLVE(qpdf_init) RESOLVE(qpdf_cleanup) RESOLVE(qpdf_silence_errors) RESOLVE(qpdf_set_suppress_warnings)
    RESOLVE(qpdf_read_memory) RESOLVE(qpdf_get_root) RESOLVE(qpdf_get_trailer) RESOLVE(qpdf_oh_replace_key)
    RESOLVE(qpdf_oh_new_unicode_string) RESOLVE(qpdf_oh_new_string) RESOLVE(qpdf_oh_parse) RESOLVE(qpdf_oh_get_key)
    RESOLVE(qpdf_oh_is_dictionary) RESOLVE(qpdf_init_write_memory) RESOLVE(qpdf_set_deterministic_ID)
    RESOLVE(qpdf_set_compress_streams) RESOLVE(qpdf_set_decode_level) RESOLVE(qpdf_set_object_stream_mode)
    RESOLVE(qpdf_write) RESOLVE(qpdf_get_buffer) RESOLVE(qpdf_get_buffer_length) RESOLVE(qpdf_has_error)
    RESOLVE(qpdf_get_error) RESOLVE(qpdf_get_error_full_text)
    RESOLVE(qpdf_get_num_pages) RESOLVE(qpdf_get_page_n) RESOLVE(qpdf_oh_get_page_content_data)
    RESOLVE(qpdf_oh_new_stream) RESOLVE(qpdf_oh_replace_stream_data) RESOLVE(qpdf_oh_is_array)
    RESOLVE(qpdf_oh_get_array_n_items) RESOLVE(qpdf_oh_get_array_item) RESOLVE(qpdf_oh_new_array)
    RESOLVE(qpdf_oh_append_item) RESOLVE(qpdf_oh_new_dictionary) RESOLVE(qpdf_oh_new_name)
    RESOLVE(qpdf_oh_new_integer) RESOLVE(qpdf_make_indirect_object) RESOLVE(qpdf_oh_is_name_and_equals)
    RESOLVE(qpdf_oh_new_null) RESOLVE(qpdf_oh_get_dict)
    RESOLVE(qpdf_oh_remove_key) RESOLVE(qpdf_oh_is_null) RESOLVE(qpdf_oh_new_binary_string)
    RESOLVE(qpdf_oh_get_object_id) RESOLVE(qpdf_replace_object) RESOLVE(qpdf_oh_release) RESOLVE(qpdf_get_object_by_id)
    RESOLVE(qpdf_oh_unparse_resolved)
#undef RESOLVE
    loaded = &api;
}

const struct folio_qpdf_api *folio_qpdf_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *folio_qpdf_error(void) {
    pthread_once(&once, load);
    return loaded ? NULL : failure;
}
