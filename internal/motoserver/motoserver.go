//go:build linux

// Package motoserver starts moto_server, the AWS emulator of the Python
// package moto, for the tests of this module that read user pools and app
// clients through the SDK. It listens on 127.0.0.1 only.
package motoserver

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Start starts moto_server on 127.0.0.1 with a free port and returns its
// URL. The server is stopped, with its process group, when the test ends,
// and dies with the test binary if that is killed first. Without
// moto_server the test is skipped, or fails when APPCLIENT_REQUIRE_MOTO=1.
func Start(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		if os.Getenv("APPCLIENT_REQUIRE_MOTO") == "1" {
			t.Fatalf("moto_server is not installed (pip install 'moto[server]==5.2.1'): %v", err)
		}
		t.Skipf("moto_server is not installed (pip install 'moto[server]==5.2.1'; APPCLIENT_REQUIRE_MOTO=1 makes this a failure): %v", err)
	}
	// A port the kernel picks, freed for moto to take. Another process could
	// take it in between; the start then fails, saying so.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()

	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", strconv.Itoa(port))
	cmd.Dir = t.TempDir()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	out := &lockedBuffer{}
	cmd.Stdout = out
	cmd.Stderr = out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting moto_server: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			t.Errorf("stopping moto_server: %v", err)
		}
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Errorf("moto_server did not exit")
		}
	})

	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return url
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("moto_server exited (%v) before answering:\n%s", err, out)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("moto_server at %s does not answer within 30s (%v):\n%s", url, err, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lockedBuffer is a bytes.Buffer for a process's output, read while the
// process writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
