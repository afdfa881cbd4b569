package appclient

// BuilderFrom returns a Builder that starts from r: its Build returns a copy of
// r with whatever the Builder's methods change. It is the natural way to
// express a change to an existing client:
//
//	current := awssdk.FromUserPoolClient(described.UserPoolClient)
//	desired, err := appclient.BuilderFrom(current).
//		AddCallbackURLs("https://orders.example.com/v2/callback").
//		Build()
//
// The Builder shares no memory with r.
func BuilderFrom(r CreateUserPoolClientRequest) Builder {
	return Builder{req: cloneRequest(&r)}
}
