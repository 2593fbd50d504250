// The C interface to LAPACK (Debian: liblapacke-dev; LAPACK from OpenBLAS).
#include <lapacke.h>
