resource "aws_cognito_user_pool" "user-pool" {
  name = var.user_pool_name
}
