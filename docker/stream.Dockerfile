# The streaming server: nginx with Debian's RTMP module and ffmpeg (recordings are remuxed to mp4). Its configuration
# is rendered from tools/stream/nginx.conf.template at start (docker/stream-entrypoint.sh). Build context: the repository root.
FROM debian:12
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx-light libnginx-mod-rtmp ffmpeg ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY tools/stream/ /opt/stream/
COPY docker/stream-entrypoint.sh /opt/stream/entrypoint.sh
RUN chmod 755 /opt/stream/entrypoint.sh
VOLUME /srv/stream
EXPOSE 1935 8935
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8935' || exit 1
ENTRYPOINT ["/opt/stream/entrypoint.sh"]
