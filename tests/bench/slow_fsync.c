/* A slow disk for tests/bench/run.py --slow-fsync-ms: loaded with LD_PRELOAD into the dashboard's server and
   kernels, every fsync/fdatasync (SQLite's durable commit) first waits FAC_SLOW_FSYNC_MS milliseconds. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

static void wait_a_while(void) {
  const char *ms = getenv("FAC_SLOW_FSYNC_MS");
  if (ms) usleep((useconds_t)atoi(ms) * 1000);
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  wait_a_while();
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  wait_a_while();
  return real(fd);
}
