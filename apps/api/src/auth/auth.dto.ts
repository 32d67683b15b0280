import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Me } from '@thymis/contracts';

export class LoginRequest {
  @ApiProperty({ example: 'admin' }) @IsString() @MaxLength(200) username: string;
  @ApiProperty() @IsString() @MaxLength(1000) password: string;
}

export class MeResponse implements Me {
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['session', 'token'] }) via: 'session' | 'token';
}
