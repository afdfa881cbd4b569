resource "aws_cognito_user_pool_client" "client" {
  name         = var.user_pool_client
  user_pool_id = aws_cognito_user_pool.user-pool.id
}
