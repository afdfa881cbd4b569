output "name" {
  value = aws_cognito_user_pool.default.name
}
