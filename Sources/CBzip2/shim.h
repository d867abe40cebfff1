#ifndef KOLMO_CBZIP2_SHIM_H
#define KOLMO_CBZIP2_SHIM_H

#include <stdio.h>
#include <bzlib.h>

#endif
