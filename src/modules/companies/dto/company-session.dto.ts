import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../officers/password.js';
import { COMPANY_USER_ROLES, type CompanyUserRole } from '../company-principal.js';

export class CompanyLoginRequestDto {
  @ApiProperty({ example: 'tran.thi.binh', maxLength: 64, description: 'Case-insensitive' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple', maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class CompanySessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'tran.thi.binh' })
  username: string;

  @ApiProperty({ enum: COMPANY_USER_ROLES, description: '`admin`: everything; `clerk`: declarations only' })
  role: CompanyUserRole;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty({ example: 'Công ty TNHH Vận tải Lạng Sơn' })
  companyName: string;
}

/** The signed-in person; the session itself travels in the `bg_company_session` cookie. */
export class CompanySessionResponseDto {
  @ApiProperty({ type: CompanySessionUserDto })
  user: CompanySessionUserDto;

  @ApiProperty({
    description: 'Send as header `X-CSRF-Token` on every POST, PATCH, PUT and DELETE made with the session cookie',
    example: 'kq3nV1o2cG9fU0xJ6m3Yb8w1rT4eH7sD2aF5gJ9lQ0z',
  })
  csrfToken: string;
}
