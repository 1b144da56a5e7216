import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../officers/password.js';

export class LoginRequestDto {
  @ApiProperty({ example: 'nguyen.van.an', maxLength: 64, description: 'Case-insensitive' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple', maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
