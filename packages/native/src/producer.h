/* One librdkafka producer owned by Herald: its handle, its poll thread and what the thread hands
 * to JavaScript. The N-API surface (addon.c) calls the hn_* functions on the JS thread only. */
#ifndef HERALD_PRODUCER_H
#define HERALD_PRODUCER_H

#include <pthread.h>
#include <stdint.h>

#define NAPI_VERSION 8
#include <node_api.h>
#include <librdkafka/rdkafka.h>

/* Event kinds passed to the JS callback as its first argument. */
enum hn_kind {
  HN_DELIVERIES = 1, /* (ArrayBuffer of hn_delivery, count) */
  HN_ERROR = 2,      /* (code, reason) */
  HN_LOG = 3,        /* (level, facility, message) */
  HN_STATS = 4,      /* (json) */
  HN_CONNECTED = 5,  /* (code: 0 or why metadata never came) */
  HN_FLUSHED = 6,    /* (messages still queued) */
  HN_CLOSED = 7      /* () the rd_kafka_t is destroyed */
};

/* One delivery report as JS reads it: 5 float64 slots, the last two split into int32 pairs. */
typedef struct {
  double id;
  double offset;
  double timestamp; /* -1 when the broker gave none */
  int32_t err;
  int32_t partition;
  int32_t status;   /* rd_kafka_msg_status_t: 0 not persisted, 1 possibly persisted, 2 persisted */
  int32_t reserved; /* 0 */
} hn_delivery;
_Static_assert(sizeof(hn_delivery) == 40, "DELIVERY_RECORD_BYTES in index.ts is 40");

/* One thing the poll thread sends to JS. */
typedef struct hn_event {
  int kind;
  int32_t code;
  uint32_t count;
  char *s1;
  char *s2;
  hn_delivery *records;
} hn_event;

typedef struct hn_producer {
  rd_kafka_t *rk;
  napi_threadsafe_function tsfn;
  napi_env env;
  pthread_t thread;
  int thread_started;
  int thread_joined;
  int cleanup_hook;

  /* Owned by the JS thread. */
  int closing;
  int refs; /* the JS handle and the threadsafe function; freed at 0 */
  rd_kafka_topic_t **topics;
  int topic_count;
  int topic_cap;

  /* Requests from the JS thread to the poll thread, under mu. */
  pthread_mutex_t mu;
  int stop;
  int64_t flush_deadline;   /* monotonic ms; 0 = none */
  int64_t connect_deadline; /* monotonic ms; 0 = none */
  int64_t connect_wait_ms;  /* the next metadata attempt's wait */

  /* Owned by the poll thread: reports collected since the last hand-off. */
  hn_delivery *batch;
  uint32_t batch_len;
} hn_producer;

/* Configures and creates the producer; on failure writes why into errstr and returns NULL. */
hn_producer *hn_create(napi_env env, char **pairs, int pair_count, napi_value callback, char *errstr, size_t errstr_size);
/* Starts the poll thread; returns 0 or an errno. */
int hn_start(hn_producer *p);
int hn_topic(hn_producer *p, const char *name);
int hn_request_connect(hn_producer *p, int timeout_ms);
int hn_request_flush(hn_producer *p, int timeout_ms);
/* Stops the poll thread, which destroys the rd_kafka_t and then sends HN_CLOSED. */
void hn_close(hn_producer *p);
/* Drops one reference; frees p at zero. */
void hn_unref(hn_producer *p);

#endif
