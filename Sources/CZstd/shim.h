#ifndef KOLMO_CZSTD_SHIM_H
#define KOLMO_CZSTD_SHIM_H

// ZSTD_customMem, ZSTD_createCCtx_advanced and ZSTD_getCParams are in zstd's experimental
// section; Debian's shared libzstd exports them.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zstd_errors.h>

#endif
