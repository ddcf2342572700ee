#!/usr/bin/env bash
# Renders the streaming server's nginx.conf from the environment and runs nginx in the foreground.
#   STREAM_CALLBACK_BASE  the hub as nginx-rtmp calls it back (default http://nginx: the proxy in front of the replicas)
#   STREAM_CALLBACK_TOKEN the hub's Streaming:CallbackToken
#   STREAM_SIGNING_SECRET the hub's Streaming:SigningSecret (checked by secure_link on /media)
set -euo pipefail
. /opt/stream/stream.sh
: "${STREAM_CALLBACK_TOKEN:?set STREAM_CALLBACK_TOKEN}" "${STREAM_SIGNING_SECRET:?set STREAM_SIGNING_SECRET}"
stream_render /srv/stream 1935 8935 "${STREAM_CALLBACK_BASE:-http://nginx}" "$STREAM_CALLBACK_TOKEN" "$STREAM_SIGNING_SECRET" 0.0.0.0 0.0.0.0
exec /usr/sbin/nginx -p /srv/stream -e /dev/stderr -c /srv/stream/nginx.conf -g 'daemon off;'
