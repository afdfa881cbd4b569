package appclient

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecodeRequest checks, for any bytes, that DecodeRequest does not panic;
// that a failure is a *DecodeError whose position lies in the input; and that
// whatever decodes encodes (json.Marshal) to JSON that DecodeRequest reads
// back to the same request. Since DecodeRequest is stricter than
// encoding/json, whatever it accepts json.Unmarshal must accept with the same
// result as well.
func FuzzDecodeRequest(f *testing.F) {
	for _, file := range requestFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	full, err := json.Marshal(fullRequest())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	for _, s := range []string{
		``,
		`{}`,
		`null`,
		`{"CallbackUrls": ["https://example.com"]}`,
		`{"TokenValidityUnits": {"AccessToken": 5}}`,
		`{"AccessTokenValidity": 1e3, "IdTokenValidity": -0}`,
		`{"ClientName": "a\u00e9\ud83d\ude00\"", "ClientSecret": null}`,
		`{"ClientName": "a", "ClientName": "b"}`,
		`{"EnableTokenRevocation": false, "CallbackURLs": [], "RefreshTokenValidity": 0}`,
		"{\"ClientName\": \"caf\xe9\"}",
		`{} {}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := DecodeRequest(bytes.NewReader(data))
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		// json.Marshal is deterministic and gives different requests different
		// texts (nil and empty differ, as do nil and a pointer to ""), so equal
		// texts mean equal requests; cmp.Diff, much slower, explains a mismatch.
		out, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("json.Marshal of a decoded request: %v", err)
		}
		again, err := DecodeRequest(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("DecodeRequest of re-encoded %s: %v", out, err)
		}
		if out2, err := json.Marshal(again); err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("decode → encode → decode mismatch (-first +second):\n%s", cmp.Diff(req, again))
		}
		var std CreateUserPoolClientRequest
		if err := json.Unmarshal(data, &std); err != nil {
			t.Fatalf("DecodeRequest accepted input that json.Unmarshal rejects: %v", err)
		}
		if out3, err := json.Marshal(std); err != nil || !bytes.Equal(out, out3) {
			t.Fatalf("DecodeRequest and json.Unmarshal disagree (-DecodeRequest +json.Unmarshal):\n%s", cmp.Diff(req, std))
		}
	})
}

// FuzzDecodeUpdateRequest checks DecodeUpdateRequest as FuzzDecodeRequest
// checks DecodeRequest, and that it never accepts a secret member.
func FuzzDecodeUpdateRequest(f *testing.F) {
	full, err := json.Marshal(fullUpdateRequest())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	for _, s := range []string{
		``,
		`{}`,
		`{"ClientId": "abc", "ClientName": null}`,
		`{"ClientID": "abc"}`,
		`{"GenerateSecret": true}`,
		`{"Client\u0053ecret": null}`,
		`{"ClientId": "a", "ClientId": "b"}`,
		`{"RefreshTokenRotation": {"Feature": "ENABLED", "RetryGracePeriodSeconds": 1e1}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := DecodeUpdateRequest(bytes.NewReader(data))
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		if bytes.Contains(data, []byte("Secret")) {
			var members map[string]json.RawMessage
			if json.Unmarshal(data, &members) == nil {
				for name := range members {
					if name == "GenerateSecret" || name == "ClientSecret" {
						t.Fatalf("DecodeUpdateRequest accepted a %s member", name)
					}
				}
			}
		}
		out, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("json.Marshal of a decoded request: %v", err)
		}
		again, err := DecodeUpdateRequest(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("DecodeUpdateRequest of re-encoded %s: %v", out, err)
		}
		if out2, err := json.Marshal(again); err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("decode → encode → decode mismatch (-first +second):\n%s", cmp.Diff(req, again))
		}
		var std UpdateUserPoolClientRequest
		if err := json.Unmarshal(data, &std); err != nil {
			t.Fatalf("DecodeUpdateRequest accepted input that json.Unmarshal rejects: %v", err)
		}
		if out3, err := json.Marshal(std); err != nil || !bytes.Equal(out, out3) {
			t.Fatalf("DecodeUpdateRequest and json.Unmarshal disagree (-DecodeUpdateRequest +json.Unmarshal):\n%s", cmp.Diff(req, std))
		}
	})
}

// checkDecodeError fails t unless err, the failure of decoding data, is a
// *DecodeError whose position lies in data and agrees with its offset.
func checkDecodeError(t *testing.T, data []byte, err error) {
	t.Helper()
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *DecodeError", err, err)
	}
	if de.Offset < 0 || de.Offset > int64(len(data)) {
		t.Fatalf("Offset %d outside the input of %d bytes", de.Offset, len(data))
	}
	if line, col := position(data, int(de.Offset)); line != de.Line || col != de.Column {
		t.Fatalf("Offset %d is line %d, column %d; error says line %d, column %d", de.Offset, line, col, de.Line, de.Column)
	}
	if de.Err == nil || de.Message == "" {
		t.Fatalf("DecodeError without Err or Msg: %#v", de)
	}
}
