package awssdk

// SetPageSizes makes ListUserPools and ListUserPoolClients ask for pools and
// clients pages of the given sizes, so that a test sees several pages, and
// returns the function that restores the sizes.
func SetPageSizes(pools, clients int32) (restore func()) {
	p, c := userPoolsPage, poolClientsPage
	userPoolsPage, poolClientsPage = pools, clients
	return func() { userPoolsPage, poolClientsPage = p, c }
}
