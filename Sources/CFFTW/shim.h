// FFTW 3 (Debian: libfftw3-dev), double precision interface.
#include <fftw3.h>
