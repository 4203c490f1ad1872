// Native reference loop: the same measurement the .NET benchmarks make, in C, so the managed rows
// can be judged against what the kernel allows for the same batch shape.
// A receiver thread drains a loopback TCP stream (or connected UDP socket) with 1 MiB reads
// (recvmmsg for UDP); the sender sends `batches` batches of `count` buffers of `size` bytes back
// to back, then waits until the receiver has counted every byte (TCP) or datagram (UDP).
// One such invocation is timed, repeated `reps` times; the median ns per buffer is printed.
//
//   sendloop tcp write|writev SIZE COUNT [BATCHES] [REPS]
//   sendloop udp send|sendmmsg SIZE COUNT [BATCHES] [REPS]
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static int is_udp;
static int receiver_fd;
static atomic_long received_bytes;

static void die(const char *what) { perror(what); exit(2); }

static void *receive_loop(void *unused) {
  (void)unused;
  if (is_udp) {
    enum { SLOTS = 256, SLOT = 65536 };
    static char slots[SLOTS][SLOT];
    static struct iovec iov[SLOTS];
    static struct mmsghdr messages[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      iov[i].iov_base = slots[i]; iov[i].iov_len = SLOT;
      messages[i].msg_hdr.msg_iov = &iov[i]; messages[i].msg_hdr.msg_iovlen = 1;
    }
    for (;;) {
      int n = recvmmsg(receiver_fd, messages, SLOTS, MSG_WAITFORONE, NULL);
      if (n <= 0) return NULL;
      long bytes = 0;
      for (int i = 0; i < n; i++) bytes += messages[i].msg_len;
      atomic_fetch_add(&received_bytes, bytes);
    }
  }
  static char buffer[1 << 20];
  for (;;) {
    ssize_t n = recv(receiver_fd, buffer, sizeof buffer, 0);
    if (n <= 0) return NULL;
    atomic_fetch_add(&received_bytes, n);
  }
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void send_all(int fd, const char *data, size_t length) {
  while (length > 0) {
    ssize_t n = send(fd, data, length, MSG_NOSIGNAL);
    if (n < 0) { if (errno == EINTR) continue; die("send"); }
    data += n; length -= (size_t)n;
  }
}

static void writev_all(int fd, struct iovec *iov, int count) {
  while (count > 0) {
    ssize_t n = writev(fd, iov, count);
    if (n < 0) { if (errno == EINTR) continue; die("writev"); }
    while (count > 0 && (size_t)n >= iov->iov_len) { n -= (ssize_t)iov->iov_len; iov++; count--; }
    if (count > 0) { iov->iov_base = (char *)iov->iov_base + n; iov->iov_len -= (size_t)n; }
  }
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s tcp write|writev SIZE COUNT [BATCHES] [REPS]\n       %s udp send|sendmmsg SIZE COUNT [BATCHES] [REPS]\n", argv[0], argv[0]);
    return 2;
  }
  is_udp = strcmp(argv[1], "udp") == 0;
  const char *mode = argv[2];
  int size = atoi(argv[3]), count = atoi(argv[4]);
  int batches = argc > 5 ? atoi(argv[5]) : 64, reps = argc > 6 ? atoi(argv[6]) : 200;
  if (size <= 0 || count <= 0 || count > 1024 || batches <= 0 || reps <= 0) { fprintf(stderr, "bad arguments\n"); return 2; }

  struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
  socklen_t length = sizeof address;
  int sender;
  if (is_udp) {
    receiver_fd = socket(AF_INET, SOCK_DGRAM, 0);
    int room = 8 << 20;
    if (setsockopt(receiver_fd, SOL_SOCKET, SO_RCVBUFFORCE, &room, sizeof room) != 0)
      setsockopt(receiver_fd, SOL_SOCKET, SO_RCVBUF, &room, sizeof room);
    if (bind(receiver_fd, (struct sockaddr *)&address, sizeof address) != 0) die("bind");
    getsockname(receiver_fd, (struct sockaddr *)&address, &length);
    sender = socket(AF_INET, SOCK_DGRAM, 0);
    if (connect(sender, (struct sockaddr *)&address, sizeof address) != 0) die("connect");
  } else {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1) != 0) die("listen");
    getsockname(listener, (struct sockaddr *)&address, &length);
    sender = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(sender, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (connect(sender, (struct sockaddr *)&address, sizeof address) != 0) die("connect");
    receiver_fd = accept(listener, NULL, NULL);
    close(listener);
  }
  pthread_t thread;
  pthread_create(&thread, NULL, receive_loop, NULL);

  char *payload = malloc((size_t)size * count);
  memset(payload, 'x', (size_t)size * count);
  struct iovec *iov = calloc((size_t)count, sizeof *iov), *scratch = calloc((size_t)count, sizeof *iov);
  struct mmsghdr *messages = calloc((size_t)count, sizeof *messages);
  for (int i = 0; i < count; i++) {
    iov[i].iov_base = payload + (size_t)i * size; iov[i].iov_len = (size_t)size;
    messages[i].msg_hdr.msg_iov = &iov[i]; messages[i].msg_hdr.msg_iovlen = 1;
  }

  double *samples = malloc(sizeof(double) * reps);
  long expected = 0;
  for (int rep = -reps / 10 - 1; rep < reps; rep++) {  // the first tenth warms up, unmeasured
    long long started = now_ns();
    for (int batch = 0; batch < batches; batch++) {
      if (strcmp(mode, "writev") == 0) {
        memcpy(scratch, iov, sizeof *iov * count);
        writev_all(sender, scratch, count);
      } else if (strcmp(mode, "sendmmsg") == 0) {
        for (int sent = 0; sent < count;) {
          int n = sendmmsg(sender, messages + sent, count - sent, MSG_NOSIGNAL);
          if (n < 0) { if (errno == EINTR) continue; die("sendmmsg"); }
          sent += n;
        }
      } else {
        for (int i = 0; i < count; i++) send_all(sender, payload + (size_t)i * size, (size_t)size);
      }
    }
    expected += (long)batches * count * size;
    // UDP on loopback with a large receive queue: wait for every datagram, bounded so a loss cannot hang.
    long long deadline = now_ns() + 2000000000LL;
    while (atomic_load(&received_bytes) < expected && now_ns() < deadline) { }
    if (atomic_load(&received_bytes) < expected) {
      fprintf(stderr, "lost %ld bytes\n", expected - atomic_load(&received_bytes));
      expected = atomic_load(&received_bytes);
    }
    if (rep >= 0) samples[rep] = (double)(now_ns() - started) / ((double)batches * count);
  }
  qsort(samples, (size_t)reps, sizeof *samples, compare_doubles);
  printf("%s %s size=%d count=%d ns/buffer median=%.1f p10=%.1f p90=%.1f\n", argv[1], mode, size, count,
         samples[reps / 2], samples[reps / 10], samples[reps * 9 / 10]);
  return 0;
}
