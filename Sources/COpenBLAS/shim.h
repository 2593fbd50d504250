// The CBLAS interface of OpenBLAS (Debian: libopenblas-dev).
#include <cblas.h>

// LAPACK auxiliary routines that OpenBLAS exports (it bundles Reference
// LAPACK) but neither cblas.h nor lapack.h declares: the plane rotations
// DLARTG and SLARTG, with Fortran's by-reference arguments.
void dlartg_(const double *f, const double *g, double *c, double *s, double *r);
void slartg_(const float *f, const float *g, float *c, float *s, float *r);
