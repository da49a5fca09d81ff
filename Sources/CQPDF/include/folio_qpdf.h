#pragma once
// libqpdf's C API, loaded when first needed instead of at process start: mapping and initialising libqpdf and the
// gnutls it links is a cost every command would pay, even one that writes no PDF. Folio calls qpdf
// through this table; `folio_qpdf_load` can run early on another thread so that finishing never waits.
#include <qpdf/qpdf-c.h>

#define FOLIO_QPDF_FN(name) __typeof__(name) *_Nonnull name

/// The qpdf functions Folio uses (the names are qpdf's own).
struct folio_qpdf_api {
    FOLIO_QPDF_FN(qpdf_init);
    FOLIO_QPDF_FN(qpdf_cleanup);
    FOLIO_QPDF_FN(qpdf_silence_errors);
    FOLIO_QPDF_FN(qpdf_set_suppress_warnings);
    FOLIO_QPDF_FN(qpdf_read_memory);
    FOLIO_QPDF_FN(qpdf_get_root);
    FOLIO_QPDF_FN(qpdf_get_trailer);
    FOLIO_QPDF_FN(qpdf_oh_replace_key);
    FOLIO_QPDF_FN(qpdf_oh_new_unicode_string);
    FOLIO_QPDF_FN(qpdf_oh_new_string);
    FOLIO_QPDF_FN(qpdf_oh_parse);
    FOLIO_QPDF_FN(qpdf_oh_get_key);
    FOLIO_QPDF_FN(qpdf_oh_is_dictionary);
    FOLIO_QPDF_FN(qpdf_init_write_memory);
    FOLIO_QPDF_FN(qpdf_set_deterministic_ID);
    FOLIO_QPDF_FN(qpdf_set_compress_streams);
    FOLIO_QPDF_FN(qpdf_set_decode_level);
    FOLIO_QPDF_FN(qpdf_set_object_stream_mode);
    FOLIO_QPDF_FN(qpdf_write);
    FOLIO_QPDF_FN(qpdf_get_buffer);
    FOLIO_QPDF_FN(qpdf_get_buffer_length);
    FOLIO_QPDF_FN(qpdf_has_error);
    FOLIO_QPDF_FN(qpdf_get_error);
    FOLIO_QPDF_FN(qpdf_get_error_full_text);
    // Tagged PDF: pages, their content and annotations, new objects.
    FOLIO_QPDF_FN(qpdf_get_num_pages);
    FOLIO_QPDF_FN(qpdf_get_page_n);
    FOLIO_QPDF_FN(qpdf_oh_get_page_content_data);
    FOLIO_QPDF_FN(qpdf_oh_new_stream);
    FOLIO_QPDF_FN(qpdf_oh_replace_stream_data);
    FOLIO_QPDF_FN(qpdf_oh_is_array);
    FOLIO_QPDF_FN(qpdf_oh_get_array_n_items);
    FOLIO_QPDF_FN(qpdf_oh_get_array_item);
    FOLIO_QPDF_FN(qpdf_oh_new_array);
    FOLIO_QPDF_FN(qpdf_oh_append_item);
    FOLIO_QPDF_FN(qpdf_oh_new_dictionary);
    FOLIO_QPDF_FN(qpdf_oh_new_name);
    FOLIO_QPDF_FN(qpdf_oh_new_integer);
    FOLIO_QPDF_FN(qpdf_make_indirect_object);
    FOLIO_QPDF_FN(qpdf_oh_is_name_and_equals);
    FOLIO_QPDF_FN(qpdf_oh_new_null);
    FOLIO_QPDF_FN(qpdf_oh_get_dict);
    // PDF/A: output intent, attachments.
    FOLIO_QPDF_FN(qpdf_oh_remove_key);
    FOLIO_QPDF_FN(qpdf_oh_is_null);
    FOLIO_QPDF_FN(qpdf_oh_new_binary_string);
    // The structure tree's objects, numbered by Folio (qpdf_make_indirect_object walks every object, each time).
    FOLIO_QPDF_FN(qpdf_oh_get_object_id);
    FOLIO_QPDF_FN(qpdf_replace_object);
    FOLIO_QPDF_FN(qpdf_oh_release);
    FOLIO_QPDF_FN(qpdf_get_object_by_id);
    // The objects the finisher changes are written out as qpdf unparses them.
    FOLIO_QPDF_FN(qpdf_oh_unparse_resolved);
};

/// Loads libqpdf once (thread-safe; later calls return at once). NULL when it cannot be loaded or lacks a
/// function; `folio_qpdf_error` then says why.
const struct folio_qpdf_api *_Nullable folio_qpdf_load(void);

/// Why loading failed (NULL when it did not).
const char *_Nullable folio_qpdf_error(void);
