# Shell functions for the hub's local streaming server (nginx + libnginx-mod-rtmp) and the ffmpeg test pattern.
# Sourced by ./hub (run, test, stream-test) and by the benchmarks; they expect `say`, `die` and `ensure_packages`
# from ./hub (stream.sh defines fallbacks). Every function takes the server's folder DIR: the rendered nginx.conf,
# hls/, rec/, logs/ and nginx.pid live there.

STREAM_TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v say >/dev/null 2>&1 || say() { printf '==> %s\n' "$*" >&2; }
command -v die >/dev/null 2>&1 || die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# stream_ensure_packages: nginx, its RTMP module and ffmpeg (apt-get when absent).
stream_ensure_packages() {
  if command -v ensure_packages >/dev/null 2>&1; then ensure_packages nginx-light libnginx-mod-rtmp ffmpeg; fi
  [ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || die "the nginx RTMP module is missing (apt-get install libnginx-mod-rtmp)"
}

# stream_token: a fresh random hex token (callback token, signing secret).
stream_token() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# stream_dir_for WANT: WANT when the nginx workers (www-data) can reach it, else a folder under /var/lib linked from WANT.
stream_dir_for() {
  local want="$1"
  mkdir -p "$(dirname "$want")"
  if [ "$(id -u)" -ne 0 ] || runuser -u www-data -- test -x "$(dirname "$want")" 2>/dev/null; then
    mkdir -p "$want"
  else
    local alt
    alt="/var/lib/deliberation-stream-$(echo "$want" | md5sum | cut -c1-10)"
    mkdir -p "$alt"
    [ -L "$want" ] || { rm -rf "$want"; ln -s "$alt" "$want"; }
    want="$alt"
  fi
  echo "$want"
}

# stream_render DIR RTMP_PORT MEDIA_PORT CALLBACK_BASE TOKEN SECRET [RTMP_BIND] [MEDIA_BIND]
#   Writes DIR/nginx.conf from the template and makes DIR's folders (owned by www-data when run as root).
#   CALLBACK_BASE is the hub's URL (http://127.0.0.1:5080); the binds default to 127.0.0.1 (0.0.0.0: OBS elsewhere, a container).
stream_render() {
  local dir="$1" rtmp_port="$2" media_port="$3" callback="$4" token="$5" secret="$6" bind="${7:-127.0.0.1}" media_bind="${8:-127.0.0.1}" user=""
  mkdir -p "$dir/hls" "$dir/rec" "$dir/logs" "$dir/tmp"
  if [ "$(id -u)" -eq 0 ]; then
    user="user www-data www-data;"
    chown -R www-data:www-data "$dir/hls" "$dir/rec" "$dir/tmp"
    chmod 755 "$dir" "$dir/hls" "$dir/rec"
  fi
  sed -e "s#@DIR@#$dir#g" -e "s#@RTMP_PORT@#$rtmp_port#g" -e "s#@MEDIA_PORT@#$media_port#g" -e "s#@RTMP_BIND@#$bind#g" \
      -e "s#@MEDIA_BIND@#$media_bind#g" -e "s#@CALLBACK@#${callback%/}#g" -e "s#@TOKEN@#$token#g" -e "s#@SECRET@#$secret#g" \
      -e "s#@USER@#$user#g" "$STREAM_TOOLS/nginx.conf.template" >"$dir/nginx.conf"
}

# stream_start DIR RTMP_PORT MEDIA_PORT CALLBACK_BASE TOKEN SECRET [RTMP_BIND]
#   Renders DIR/nginx.conf (stream_render) and starts nginx in the background (stopping a previous one of DIR first).
stream_start() {
  local dir="$1" media_port="$3"
  stream_stop "$dir"
  stream_render "$@"
  /usr/sbin/nginx -t -q -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" 2>"$dir/logs/start.log" \
    || { cat "$dir/logs/start.log" >&2; die "the streaming server's configuration failed (see $dir/nginx.conf)"; }
  /usr/sbin/nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" 2>>"$dir/logs/start.log" \
    || { cat "$dir/logs/start.log" >&2; die "the streaming server did not start (log: $dir/logs/error.log)"; }
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$media_port") 2>/dev/null && return 0
    sleep 0.1
  done
  die "the streaming server does not answer on 127.0.0.1:$media_port (log: $dir/logs/error.log)"
}

# stream_stop DIR: stops the nginx of DIR, if it runs.
stream_stop() {
  local dir="$1" pid
  [ -f "$dir/nginx.pid" ] || return 0
  pid="$(cat "$dir/nginx.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/nginx.pid"
}

# stream_export_env DIR TOKEN SECRET: the hub's Streaming__* settings for the server of DIR (the hub serves /media itself).
stream_export_env() {
  local dir="$1" token="$2" secret="$3"
  export Streaming__HlsPath="$dir/hls" Streaming__RecordPath="$dir/rec" \
    Streaming__CallbackToken="$token" Streaming__SigningSecret="$secret"
}

# stream_push RTMP_URL KEY [SECONDS]: ffmpeg's test pattern (640x360, 25 fps, 1 s GOP) with the wall clock burnt in
# (HH:MM:SS.mmm: the milliseconds ride in the frame's timestamp, the recipe from ffmpeg's drawtext documentation) and a
# 440 Hz tone, pushed to RTMP_URL/KEY. Runs until Ctrl-C, or for SECONDS.
stream_push() {
  local url="$1" key="$2" seconds="${3:-}" font filter limit=()
  font="$(fc-match -f '%{file}' 'DejaVu Sans Mono' 2>/dev/null || true)"
  [ -n "$font" ] && [ -f "$font" ] || font="$(fc-match -f '%{file}' sans 2>/dev/null || true)"
  [ -n "$seconds" ] && limit=(-t "$seconds")
  filter="$(mktemp /tmp/hub-clock.XXXXXX)"
  cat >"$filter" <<FILTER
settb=AVTB,setpts='trunc(PTS/1K)*1K+st(1,trunc(RTCTIME/1K))-1K*trunc(ld(1)/1K)',drawtext=fontfile=$font:fontsize=48:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=20:y=20:text='%{localtime\:%H\\\\\:%M\\\\\:%S}.%{eif\:1M*t-1K*trunc(t*1K)\:d\:3}'
FILTER
  local status=0
  ffmpeg -hide_banner -loglevel warning -re \
    -f lavfi -i "testsrc2=size=640x360:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=44100" "${limit[@]}" \
    -filter_script:v "$filter" \
    -c:v libx264 -preset veryfast -tune zerolatency -g 25 -keyint_min 25 -pix_fmt yuv420p -b:v 1200k \
    -c:a aac -b:a 96k -ar 44100 -f flv "${url%/}/$key" || status=$?
  rm -f "$filter"
  return "$status"
}
