//go:build linux

package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/awssdk"
	"github.com/cognitokit/appclient/internal/motoserver"
)

// TestDiffLive compares testdata/diff/stack.yaml with clients in moto.
func TestDiffLive(t *testing.T) {
	url := motoserver.Start(t)
	api := motoClient(url)
	awsEnv(t, "us-east-1")
	ctx := context.Background()
	out, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	pool := aws.ToString(out.UserPool.Id)
	// OrdersWeb of stack.yaml as it was deployed: the same meaning in other
	// units (60 minutes for 1 hour, 1 hour for 60 minutes), and the logout
	// URL the stack knows only at deployment.
	deployed := appclient.CreateUserPoolClientRequest{
		UserPoolID: pool, ClientName: "orders-web", GenerateSecret: true,
		AccessTokenValidity: aws.Int32(60), IDTokenValidity: aws.Int32(1),
		TokenValidityUnits:              &appclient.TokenValidityUnits{AccessToken: appclient.TimeUnitMinutes, IDToken: appclient.TimeUnitHours},
		ExplicitAuthFlows:               []appclient.ExplicitAuthFlow{appclient.ExplicitAuthFlowAllowRefreshTokenAuth, appclient.ExplicitAuthFlowAllowUserSRPAuth},
		SupportedIdentityProviders:      []string{"COGNITO"},
		CallbackURLs:                    []string{"https://orders.example.com/auth/callback"},
		LogoutURLs:                      []string{"https://shop.example.com/signed-out"},
		AllowedOAuthFlows:               []appclient.OAuthFlow{appclient.OAuthFlowCode},
		AllowedOAuthScopes:              []string{"email", "openid"},
		AllowedOAuthFlowsUserPoolClient: true,
		PreventUserExistenceErrors:      appclient.UserExistenceErrorsEnabled,
		EnableTokenRevocation:           aws.Bool(true),
	}
	create := func(r appclient.CreateUserPoolClientRequest) *types.UserPoolClientType {
		t.Helper()
		out, err := api.CreateUserPoolClient(ctx, awssdk.ToCreateInput(&r))
		if err != nil {
			t.Fatal(err)
		}
		return out.UserPoolClient
	}
	web := create(deployed)
	webID, secret := aws.ToString(web.ClientId), aws.ToString(web.ClientSecret)
	// The same client, changed in the console since.
	drifted := deployed
	drifted.ClientName = "orders-web-old"
	drifted.AccessTokenValidity = aws.Int32(30)
	drifted.AuthSessionValidity = aws.Int32(10)
	drifted.PreventUserExistenceErrors = appclient.UserExistenceErrorsLegacy
	driftedID := aws.ToString(create(drifted).ClientId)
	create(appclient.CreateUserPoolClientRequest{UserPoolID: pool, ClientName: "console-made"})

	live := "live:" + pool
	base := []string{"diff", "-endpoint-url", url}
	unknown := "LogoutURLs: unknown in desired until deployment: not compared\nUserPoolId: unknown in desired until deployment: not compared\n"
	for _, client := range []string{"orders-web", webID} {
		code, stdout, stderr := runCmd("", append(base, "testdata/diff/stack.yaml#OrdersWeb", live+"/"+client)...)
		if code != 0 || stdout != unknown || stderr != "" {
			t.Errorf("same meaning, %s: exit status %d, stdout\n%s\nstderr\n%s\nwant 0 and the unknown members only", client, code, stdout, stderr)
		}
		if strings.Contains(stdout+stderr, secret) {
			t.Error("the secret is printed")
		}
	}

	code, stdout, stderr := runCmd("", append(base, "testdata/diff/stack.yaml#OrdersWeb", live+"/"+driftedID)...)
	if code != 1 {
		t.Errorf("drifted: exit status %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		`ClientName: desired "orders-web", actual "orders-web-old"; update sends ClientName="orders-web"` + "\n",
		`AccessTokenValidity: desired 1 hour, actual 30 minutes; update sends AccessTokenValidity=1, TokenValidityUnits.AccessToken="hours"` + "\n",
		`PreventUserExistenceErrors: desired "ENABLED", actual "LEGACY"; update sends PreventUserExistenceErrors="ENABLED"` + "\n",
		"AuthSessionValidity: desired 3, actual 10; update leaves AuthSessionValidity out, which resets it to 3\n",
		unknown,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("drifted: stdout lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "IdTokenValidity") {
		t.Errorf("drifted: 1 hour against 60 minutes reported:\n%s", stdout)
	}

	// The stack against the pool: matched by name.
	code, stdout, stderr = runCmd("", append(base, "-format", "json", "testdata/diff/stack.yaml", live)...)
	if code != 1 || stderr != "" {
		t.Errorf("by name: exit status %d, stderr\n%s\nwant 1 and nothing", code, stderr)
	}
	var rep jsonDiff
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	type row struct {
		Name, Desired, Actual string
		Same                  bool
		Unknown               int
	}
	var got []row
	for _, c := range rep.Clients {
		r := row{Name: c.Name, Same: c.Same, Unknown: len(c.Unknown)}
		if c.Desired != nil {
			r.Desired = c.Desired.Resource
		}
		if c.Actual != nil {
			r.Actual = c.Actual.ClientID
		}
		got = append(got, r)
	}
	consoleID := ""
	for c, err := range awssdk.Clients(ctx, api, pool) {
		if err == nil && c.ClientName == "console-made" {
			consoleID = c.ClientID
		}
	}
	want := []row{
		{Name: "console-made", Actual: consoleID},
		{Name: "kiosk", Desired: "Kiosk"},
		{Name: "orders-web", Desired: "OrdersWeb", Actual: webID, Same: true, Unknown: 2},
		{Name: "orders-web-old", Actual: driftedID},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("by name mismatch (-want +got):\n%s", diff)
	}
	if rep.Same || rep.Desired.Kind != "cloudformation" || rep.Actual.Kind != "live" {
		t.Errorf("by name: same %v, kinds %q and %q: want false, cloudformation and live", rep.Same, rep.Desired.Kind, rep.Actual.Kind)
	}
	if strings.Contains(stdout, secret) {
		t.Error("the secret is printed")
	}

	// A directory: its template and its Terraform, matched by name; a
	// Terraform client picked by address.
	dir := t.TempDir()
	stack, err := os.ReadFile("testdata/diff/stack.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tf := `variable "pool" {}

resource "aws_cognito_user_pool_client" "console" {
  name         = "console-made"
  user_pool_id = var.pool
}
`
	if os.WriteFile(filepath.Join(dir, "stack.yaml"), stack, 0o600) != nil || os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tf), 0o600) != nil {
		t.Fatal("writing the directory")
	}
	code, stdout, stderr = runCmd("", append(base, dir, live)...)
	wantText := "console-made: UserPoolId: unknown in desired until deployment: not compared\n" +
		"kiosk: only desired has it (" + filepath.Join(dir, "stack.yaml") + "#Kiosk)\n" +
		strings.ReplaceAll("orders-web: "+strings.TrimSuffix(unknown, "\n"), "\n", "\norders-web: ") + "\n" +
		"orders-web-old: only actual has it (" + live + "/" + driftedID + ")\n"
	if diff := cmp.Diff(wantText, stdout); code != 1 || diff != "" {
		t.Errorf("directory: exit status %d (want 1), stderr\n%s\nstdout mismatch (-want +got):\n%s", code, stderr, diff)
	}
	code, stdout, _ = runCmd("", append(base, filepath.Join(dir, "main.tf")+"#aws_cognito_user_pool_client.console", live+"/console-made")...)
	if code != 0 || stdout != "UserPoolId: unknown in desired until deployment: not compared\n" {
		t.Errorf("Terraform address: exit status %d, stdout\n%s\nwant 0 and UserPoolId unknown", code, stdout)
	}

	// Problems.
	for _, tt := range []struct {
		arg, want string
	}{
		{live + "/nobody", "no such app client"},
		{"live:us-east-1_NoSuchPool/orders-web", "ResourceNotFoundException"},
	} {
		code, _, stderr := runCmd("", append(base, "testdata/diff/stack.yaml#OrdersWeb", tt.arg)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit status %d, stderr\n%s\nwant 2 and %q", tt.arg, code, stderr, tt.want)
		}
	}
}
