#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying `precision-sweep
# slurm` and for its CI test. Debian 12 (Slurm 22.05), run as root; the
# daemons listen on the loopback interface only.
#
#   scripts/local-slurm.sh install      install slurm-wlm and munge (apt-get) if missing
#   scripts/local-slurm.sh start [DIR]  install, then start munged, slurmctld and slurmd
#                                       with their configuration, state and logs in DIR
#   scripts/local-slurm.sh stop [DIR]   cancel every job, stop the daemons that `start`
#                                       started, and remove DIR
#
# DIR defaults to /tmp/roundoff-local-slurm. `start` ends by printing
#   SLURM_CONF=DIR/slurm.conf
# which the Slurm commands (sbatch, squeue, scontrol, ...) need in their
# environment:  export SLURM_CONF=DIR/slurm.conf
#
# Exit status: 0 on success; 3 when Slurm cannot be installed here (not root,
# no apt-get/dpkg, or the installation failed), so a caller can tell "not
# available on this machine" from 1, any other failure.
#
# Only processes this script started are stopped (by the PIDs it recorded in
# DIR/pids): a munged that was already running and working is used, not
# restarted, and left alone by `stop`.
set -euo pipefail

readonly packages=(slurm-wlm munge)
readonly default_dir=/tmp/roundoff-local-slurm

say() { echo "local-slurm: $*" >&2; }
die() { say "error: $*"; exit 1; }
unavailable() { say "Slurm is not available on this machine: $*"; exit 3; }

# Polls `$@` every 0.1 s until it succeeds or `timeout` seconds pass.
wait_for() {
    local timeout=$1 what=$2
    shift 2
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
    say "$what"
}

install_packages() {
    [[ $(id -u) == 0 ]] || unavailable "installing ${packages[*]} needs root"
    command -v dpkg-query >/dev/null && command -v apt-get >/dev/null \
        || unavailable "apt-get and dpkg are needed to install ${packages[*]}"
    local missing=() package
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0
    say "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    # Recommends would pull in 34 more packages that a single node does not need.
    if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${packages[@]}"; } >&2; then
        unavailable "apt-get could not install ${packages[*]}"
    fi
}

# Whether something accepts TCP connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

# Runs `$@` with no signal blocked and INT, QUIT, TERM and HUP at their
# default handling. A caller's thread may have signals blocked (libdispatch's
# worker threads do, and a child inherits the mask), and a background job of
# a script starts with INT and QUIT ignored; a daemon started so would not
# stop when told. perl is in every Debian system (perl-base is essential).
readonly clear_signals='use POSIX;
    $SIG{$_} = "DEFAULT" for qw(INT QUIT TERM HUP);
    sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!\n";
    exec { $ARGV[0] } @ARGV or die "cannot run $ARGV[0]: $!\n";'

# Starts `$@` in its own session with no terminal, output appended to `log`,
# and records its PID in DIR/pids/`name`. The daemons run in the foreground
# (-D, -F) and every program on the way execs the next, so $! is the daemon
# itself. Descriptors other than 0-2 are closed first: a caller may be
# waiting for one it passed us to close (Foundation's Process on Linux does),
# which a daemon holding it would delay forever.
start_daemon() {
    local name=$1 log=$2
    shift 2
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if ((fd > 2)); then eval "exec $fd>&-"; fi
        done
        exec setsid perl -e "$clear_signals" "$@" </dev/null >>"$log" 2>&1
    ) &
    echo $! >"$dir/pids/$name"
}

node_is_idle() { [[ $(sinfo -h -n localhost -o %t 2>/dev/null) == idle ]]; }

start() {
    install_packages
    [[ -e $dir ]] && die "$dir exists; stop the cluster that uses it first: $0 stop $dir"
    mkdir -p "$dir"/{state,spool,pids}
    dir=$(cd "$dir" && pwd)
    # From here on a failure (any exit before the end) stops whatever was started.
    trap 'if (($? != 0)); then say "start failed; stopping what was started"; stop >/dev/null 2>&1 || true; fi' EXIT

    # munged: a working one (from an earlier start, or the system's) is reused.
    if munge_works; then
        say "munged is already running; using it"
    else
        if [[ ! -d /run/munge ]]; then
            install -d -o munge -g munge -m 0755 /run/munge
            touch "$dir/created-run-munge"
        fi
        [[ -f /etc/munge/munge.key ]] || su munge -s /bin/sh -c 'mungekey -c'
        # munged refuses to run as root (its seed directory belongs to munge).
        start_daemon munged "$dir/munged.log" setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F
        wait_for 10 "munged is up" munge_works || { cat "$dir/munged.log" >&2; die "munged did not start"; }
    fi

    # The first free pair of ports (a Slurm left running elsewhere holds 6817/6818).
    local ctld_port=
    for candidate in 6817 16817 26817 36817; do
        if ! port_in_use "$candidate" && ! port_in_use $((candidate + 1)); then
            ctld_port=$candidate
            break
        fi
    done
    [[ -n $ctld_port ]] || die "no free pair of ports among 6817, 16817, 26817, 36817 (and the next ones)"

    # This machine's layout, as slurmd sees it, with a little less memory than
    # it reports (a node announcing more than it has is marked invalid).
    local hardware memory
    hardware=$(slurmd -C | head -n 1 | sed -e 's/^NodeName=[^ ]* //' -e 's/ *RealMemory=[0-9]*//')
    memory=$(slurmd -C | head -n 1 | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
    memory=$((memory * 9 / 10))

    cat >"$dir/slurm.conf" <<EOF
# Single-node Slurm written by scripts/local-slurm.sh; removed by its stop.
ClusterName=roundoff-local
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
# The default, proctrack/cgroup, needs cgroup controllers a container lacks:
# every job would fail and the node drain.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# Several tasks per node at once (22.05's default, select/linear, runs one).
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MailProg=/bin/true
ReturnToService=2
DependencyParameters=kill_invalid_depend
SchedulerParameters=batch_sched_delay=0
NodeName=localhost NodeAddr=127.0.0.1 $hardware RealMemory=$memory
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
    export SLURM_CONF=$dir/slurm.conf

    start_daemon slurmctld "$dir/slurmctld.out" slurmctld -D -f "$SLURM_CONF"
    wait_for 30 "slurmctld is up (port $ctld_port)" sh -c 'scontrol ping | grep -q "is UP"' \
        || { tail -n 20 "$dir/slurmctld.log" >&2; die "slurmctld did not start"; }
    start_daemon slurmd "$dir/slurmd.out" slurmd -D -N localhost -f "$SLURM_CONF"
    wait_for 30 "node localhost is idle" node_is_idle \
        || { tail -n 20 "$dir/slurmd.log" >&2; sinfo -N -l >&2 || true; die "slurmd did not start"; }
    trap - EXIT
    echo "SLURM_CONF=$SLURM_CONF"
}

# Whether process $1 is running: it exists and is not a zombie (a daemon
# whose parent, here PID 1, has not reaped it yet has stopped all the same).
running() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ $state != Z* ]]
}

# Sends SIGTERM to the recorded daemon `name`, waits up to 5 s, then SIGKILL.
stop_daemon() {
    local name=$1 file="$dir/pids/$1" pid
    [[ -f $file ]] || return 0
    pid=$(<"$file")
    if running "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + 5))
        while running "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
        if running "$pid"; then
            say "$name ($pid) did not stop on SIGTERM; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$file"
}

stop() {
    [[ -d $dir ]] || { say "$dir does not exist; nothing to stop"; return 0; }
    if [[ -f $dir/slurm.conf && -f $dir/pids/slurmctld ]] && running "$(<"$dir/pids/slurmctld")"; then
        export SLURM_CONF=$dir/slurm.conf
        scancel --user="$(id -un)" 2>/dev/null || true
        local deadline=$((SECONDS + 15))
        while [[ -n $(squeue -h -o %i 2>/dev/null) ]] && ((SECONDS < deadline)); do sleep 0.2; done
    fi
    stop_daemon slurmd
    stop_daemon slurmctld
    stop_daemon munged
    if [[ -f $dir/created-run-munge ]]; then rm -rf /run/munge; fi
    rm -rf "$dir"
    say "stopped; removed $dir"
}

command=${1:-}
dir=${2:-$default_dir}
case $command in
    install) install_packages ;;
    start) start ;;
    stop) stop ;;
    *)
        echo "usage: $0 install | start [DIR] | stop [DIR]   (DIR defaults to $default_dir)" >&2
        exit 64
        ;;
esac
