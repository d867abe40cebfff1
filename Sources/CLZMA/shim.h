#ifndef KOLMO_CLZMA_SHIM_H
#define KOLMO_CLZMA_SHIM_H

#include <lzma.h>

// These constants are function-like macros (LZMA_VLI_C, UINT32_C) that Swift does not import.
static inline lzma_vli CLZMA_filterLZMA2(void) { return LZMA_FILTER_LZMA2; }
static inline lzma_vli CLZMA_vliUnknown(void) { return LZMA_VLI_UNKNOWN; }
static inline uint32_t CLZMA_presetExtreme(void) { return LZMA_PRESET_EXTREME; }
static inline uint32_t CLZMA_dictSizeMin(void) { return LZMA_DICT_SIZE_MIN; }

#endif
